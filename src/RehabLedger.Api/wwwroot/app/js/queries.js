import { DosageFields } from './format.js';

// Everything the episode page shows, in one request.
export const EpisodeQuery = `query Episode($id: ID!) {
  episode(id: $id) {
    id version status startedOn dischargedOn
    condition { icd10Code description bodyRegion }
    coverage { payerName }
    patient { givenName familyName }
    therapist { displayName }
    measures { code baseline latest change improvement reachesMcid worsened
      measure { name unit direction mcid { threshold } }
      series { effectiveOn value } }
    goals { id description measureCode baseline target targetDate latest met attainmentPercent status }
    progress { attendance { attended cancelled noShow ratePercent } homeAdherence { weekStart prescribed done percent } }
    sessions(first: 100) { totalCount items { id date attendance minutes painBefore painAfter } }
    currentProgram { programVersion exercises { id name category instructions status dosageSince
      dosage { ${DosageFields} }
      lastChange { kind effectiveOn reason by { displayName } } } }
  }
}`;

export const VersionQuery = `query Version($id: ID!) { episode(id: $id) { version } }`;
