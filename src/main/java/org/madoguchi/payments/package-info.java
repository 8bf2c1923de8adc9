/**
 * Payments to residents' bank accounts. {@link org.madoguchi.payments.PaymentBatches} makes payment batches
 * from orders named by a reference within a purpose, writes each batch's Zengin 総合振込 file from its rows,
 * imports the bank's returned transfers (publishing {@link org.madoguchi.payments.PaymentReturned}) and
 * totals a purpose for reconciliation; the database holds that a reference has one live payment at most.
 * {@link org.madoguchi.payments.BankDirectory} is the bank master (bank and branch codes with the names a
 * transfer file carries, from the zengin-code data set shipped in {@code resources/payments/zengin-code/});
 * {@link org.madoguchi.payments.ZenginTransferFile} writes a file for a {@link org.madoguchi.payments.Payer}
 * and its {@link org.madoguchi.payments.Transfer}s. The module knows nothing of what it pays for: benefit
 * programmes depend on it, never the reverse.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package org.madoguchi.payments;
