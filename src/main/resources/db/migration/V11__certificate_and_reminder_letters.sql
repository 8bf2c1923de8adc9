-- Two more letter types: the cover letter mailed with a certificate (証明書送付のご案内) and the reminder of a
-- deficiency not yet corrected (再通知), which used to go out as a second deficiency notice. Each still
-- travels in mailing batches of its own type.
alter domain letter_type drop constraint letter_type_check;
alter domain letter_type add constraint letter_type_check
    check (value in ('acknowledgement', 'deficiency-notice', 'deferral-notice', 'decision-notice', 'certificate', 'reminder'));
