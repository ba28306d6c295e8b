import { researchCommand } from '../research-project.command-routes';

/** Work resumes in the phase the project had. POST /projects/:id/resume */
export const resumeResearchProject = researchCommand({
  path: 'resume',
  commandType: 'ResumeProject',
  operationId: 'resumeResearchProject',
  summary: 'Resume the suspended project in the phase it had.',
  done: 'Resumed',
  command: () => ({ type: 'ResumeProject' }),
});
