// What each role may see and do, after the role table of docs/08-security.md. The service enforces it; the page
// only leaves out what would be refused.
const Clinic = ['platform_admin', 'clinic_admin', 'therapist', 'auditor'];

export const may = {
  caseload: Clinic,
  episode: Clinic,
  programHistory: Clinic,
  // Clinical writes: therapists, and platform administrators who may do every write.
  record: ['platform_admin', 'therapist'],
  outcomeHistory: [...Clinic, 'insurer'],
  payerEpisodes: ['insurer'],
  myExercises: ['patient'],
};

export const can = (caller, what) => !!caller && may[what].includes(caller.role);

export const homeRoute = caller =>
  can(caller, 'caseload') ? '#/caseload' : can(caller, 'payerEpisodes') ? '#/payer' : can(caller, 'myExercises') ? '#/me' : '#/';

// Roles that review a record rather than work on it: their pages load once and do not poll. Every read of patient
// data is written to the access log (docs/08-security.md), so a review page open for an hour would add hundreds of
// entries that nobody read; the clinicians and patients who record see live changes and accept that cost.
export const reviewsOnly = caller => ['auditor', 'insurer'].includes(caller?.role);
