/** The pages of the signed-in loop, one chunk: sign-in, the proposals queue, the audit log, the roles. */
export { SignInPage } from '../../../features/auth/components/SignInPage';
export { ProposalQueuePage } from '../../../features/proposals/components/ProposalQueuePage';
export { AuditPage } from '../../../features/audit/AuditPage';
export { RolesPage } from '../../../features/roles/RolesPage';
