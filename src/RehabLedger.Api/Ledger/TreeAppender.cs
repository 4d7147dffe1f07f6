namespace RehabLedger.MerkleLog;

/// <summary>A stored node of the tree: a leaf (level 0) or a complete subtree above leaves.</summary>
public sealed record TreeNode(NodeKey Key, byte[] Hash);

/// <summary>What appending leaves to a tree produces: every complete subtree the new leaves close, and the new root.</summary>
public sealed record TreeGrowth(long Size, IReadOnlyList<TreeNode> NewNodes, IReadOnlyList<TreeNode> Frontier, byte[] Root);

/// <summary>
/// Extends a tree of <c>size</c> leaves knowing only its right edge (<see cref="MerkleTree.Frontier"/>): each new leaf
/// is pushed, and two subtrees of one level are joined as soon as both exist. Every node is computed once, when it
/// closes, so appending n leaves costs about 2n hashes whatever the size of the tree.
/// </summary>
public static class TreeAppender
{
    public static TreeGrowth Append(long size, IReadOnlyList<TreeNode> frontier, IReadOnlyList<byte[]> leafHashes)
    {
        var expected = MerkleTree.Frontier(size).ToList();
        if (!frontier.Select(n => n.Key).SequenceEqual(expected))
            throw new ArgumentException($"The right edge of a tree of {size} leaves is {string.Join(", ", expected)}.", nameof(frontier));

        var stack = new List<TreeNode>(frontier);
        var added = new List<TreeNode>();
        for (var i = 0; i < leafHashes.Count; i++)
        {
            var node = new TreeNode(new NodeKey(0, size + i), leafHashes[i]);
            added.Add(node);
            while (stack.Count > 0 && stack[^1].Key.Level == node.Key.Level)
            {
                var left = stack[^1];
                stack.RemoveAt(stack.Count - 1);
                node = new TreeNode(new NodeKey(node.Key.Level + 1, left.Key.Index / 2), MerkleTree.NodeHash(left.Hash, node.Hash));
                added.Add(node);
            }
            stack.Add(node);
        }
        return new TreeGrowth(size + leafHashes.Count, added, stack, RootOf(stack));
    }

    /// <summary>The root from the right edge: the smallest subtree joined leftwards with each larger one.</summary>
    public static byte[] RootOf(IReadOnlyList<TreeNode> frontier)
    {
        if (frontier.Count == 0) return MerkleTree.EmptyRoot;
        var root = frontier[^1].Hash;
        for (var i = frontier.Count - 2; i >= 0; i--) root = MerkleTree.NodeHash(frontier[i].Hash, root);
        return root;
    }
}
