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

// Roles whose every read of patient data is written to the access log (docs/08-security.md).
export const accounted = caller => ['auditor', 'insurer'].includes(caller?.role);
