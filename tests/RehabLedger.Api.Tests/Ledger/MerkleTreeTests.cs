using RehabLedger.MerkleLog;
using RehabLedger.Verify;

// Not "Ledger": a namespace of that name would hide the class RehabLedger.Audit.Ledger from sibling namespaces.
namespace RehabLedger.Tests.MerkleLog;

/// <summary>
/// The service's tree against RFC 9162 / RFC 6962 test vectors (the eight leaves of the Certificate Transparency
/// reference tests), and its proofs against the outside verifier's independent implementation of the RFC's checks.
/// </summary>
public sealed class MerkleTreeTests
{
    private static readonly byte[][] Inputs =
    [
        [], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
        [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57],
        [0x60, 0x61, 0x62, 0x63, 0x64, 0x65, 0x66, 0x67, 0x68, 0x69, 0x6a, 0x6b, 0x6c, 0x6d, 0x6e, 0x6f],
    ];

    private static readonly string[] Roots =
    [
        "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
        "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
        "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
        "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
        "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
        "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
        "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
        "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
    ];

    private static List<byte[]> Leaves(int n) => [.. Inputs.Take(n).Select(i => MerkleTree.LeafHash(i))];

    [Fact]
    public void roots_of_the_reference_trees_match_the_rfc_vectors()
    {
        Convert.ToHexStringLower(MerkleTree.EmptyRoot).ShouldBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        for (var n = 1; n <= 8; n++) Convert.ToHexStringLower(MerkleTree.Root(Leaves(n))).ShouldBe(Roots[n - 1], $"tree of {n}");
    }

    [Fact]
    public void inclusion_paths_match_the_rfc_vectors()
    {
        Path(0, 8).ShouldBe(["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]);
        Path(5, 8).ShouldBe(["bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]);
        Path(2, 3).ShouldBe(["fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"]);
        // Leaf 0 itself, MTH(D[2:4]), leaf 4.
        Path(1, 5).ShouldBe(["6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]);
    }

    [Fact]
    public void consistency_proofs_match_the_rfc_vectors()
    {
        Consistency(1, 8).ShouldBe(["96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
            "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"]);
        Consistency(6, 8).ShouldBe(["0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
            "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
            "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"]);
        Consistency(2, 5).ShouldBe(["5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
            "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"]);
        Consistency(8, 8).ShouldBeEmpty();
    }

    [Fact]
    public void every_proof_of_every_tree_up_to_70_leaves_satisfies_the_outside_verifier_and_any_changed_element_fails_it()
    {
        var leaves = Enumerable.Range(0, 70).Select(i => MerkleTree.LeafHash(BitConverter.GetBytes(i))).ToList();
        for (var n = 1; n <= leaves.Count; n++)
        {
            var tree = leaves.Take(n).ToList();
            var root = MerkleTree.Root(tree);
            for (var m = 0; m < n; m++)
            {
                var path = Hashes(MerkleTree.InclusionRanges(m, n), tree);
                Rfc9162.VerifyInclusion(m, n, tree[m], path, root).ShouldBeTrue($"leaf {m} of {n}");
                foreach (var forged in Forgeries(path)) Rfc9162.VerifyInclusion(m, n, tree[m], forged, root).ShouldBeFalse($"forged path, leaf {m} of {n}");
                Rfc9162.VerifyInclusion(m, n, tree[(m + 1) % n], path, root).ShouldBe(n == 1, $"another leaf at {m} of {n}");
            }
            for (var m = 1; m <= n; m++)
            {
                var proof = Hashes(MerkleTree.ConsistencyRanges(m, n), tree);
                var oldRoot = MerkleTree.Root(tree.Take(m).ToList());
                Rfc9162.VerifyConsistency(m, n, oldRoot, root, proof).ShouldBeTrue($"{m} to {n}");
                foreach (var forged in Forgeries(proof)) Rfc9162.VerifyConsistency(m, n, oldRoot, root, forged).ShouldBeFalse($"forged, {m} to {n}");
            }
        }
    }

    [Fact]
    public void appending_leaf_by_leaf_or_in_pages_gives_the_roots_of_the_definition_and_stores_every_node_a_proof_needs()
    {
        var leaves = Enumerable.Range(0, 300).Select(i => MerkleTree.LeafHash(BitConverter.GetBytes(i))).ToList();
        var stored = new Dictionary<NodeKey, byte[]>();
        var frontier = new List<TreeNode>();
        long size = 0;
        foreach (var page in new[] { 1, 2, 5, 64, 1, 100, 127 })
        {
            var growth = TreeAppender.Append(size, frontier, leaves.Skip((int)size).Take(page).ToList());
            foreach (var node in growth.NewNodes) stored[node.Key] = node.Hash;
            (size, frontier) = (growth.Size, [.. growth.Frontier]);
            growth.Root.ShouldBe(MerkleTree.Root(leaves.Take((int)size).ToList()));
            for (var m = 0; m < size; m += 7)
                MerkleTree.InclusionRanges(m, size).SelectMany(MerkleTree.NodesOf).ShouldAllBe(k => stored.ContainsKey(k));
        }
    }

    private static List<byte[]> Hashes(IEnumerable<LeafRange> ranges, List<byte[]> tree) =>
        [.. ranges.Select(r => MerkleTree.RangeHash(r, key => MerkleTree.Root(tree.Skip((int)(key.Index << key.Level)).Take(1 << key.Level).ToList())))];

    /// <summary>Each element changed in turn, one element too many, and (when there is one) one too few.</summary>
    private static IEnumerable<List<byte[]>> Forgeries(List<byte[]> proof)
    {
        for (var i = 0; i < proof.Count; i++)
        {
            var changed = proof.Select(p => p.ToArray()).ToList();
            changed[i][0] ^= 1;
            yield return changed;
        }
        yield return [.. proof, new byte[32]];
        if (proof.Count > 0) yield return proof.Take(proof.Count - 1).ToList();
    }

    private static string[] Path(long m, int n) =>
        [.. Hashes(MerkleTree.InclusionRanges(m, n), Leaves(n)).Select(Convert.ToHexStringLower)];

    private static string[] Consistency(long m, int n) =>
        [.. Hashes(MerkleTree.ConsistencyRanges(m, n), Leaves(n)).Select(Convert.ToHexStringLower)];
}
