/**
 * The hash-chained audit trail: every module records what was done, by whom and why, in the same
 * transaction as the change; auditors list the entries and verify that none was altered, removed or
 * reordered. The root package is the API ({@link org.madoguchi.audit.AuditTrail},
 * {@link org.madoguchi.audit.AuditLog}); {@code web} holds the auditor's API and page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.madoguchi.audit;
