package org.madoguchi.benefits;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import javax.sql.DataSource;

import org.madoguchi.audit.AuditEvent;
import org.madoguchi.audit.AuditTrail;
import org.madoguchi.platform.csv.CsvCell;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The print vendor's file of pre-printed forms: one row per household with its application number, head and
 * members, streamed so that 700,000 households never sit in memory. UTF-8 with a BOM, because registered
 * names may hold characters CP932 lacks (𠮷, 髙 in some tables). Reading it is a read of personal data: audited.
 */
@Service
public class PrintedForms {

	static final String HEADER = "application_number,household_id,head_resident_id,head_name,head_name_kana,postal_code,address,persons,amount,members";

	private final JdbcTemplate streaming;
	private final BenefitProgrammes programmes;
	private final AuditTrail audit;

	PrintedForms(DataSource dataSource, BenefitProgrammes programmes, AuditTrail audit) {
		this.streaming = new JdbcTemplate(dataSource);
		this.streaming.setFetchSize(5_000);
		this.programmes = programmes;
		this.audit = audit;
	}

	@Transactional
	public void writeCsv(String municipality, String programmeId, OutputStream out) throws IOException {
		var programme = programmes.get(municipality, programmeId);
		audit.record(AuditEvent.of(municipality, "benefit.forms.exported", "benefit-programme", programmeId));
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		writer.write(HEADER);
		writer.write("\r\n");
		streaming.query("""
				select h.application_number, h.household_id, h.head_resident_id, head.name, head.name_kana, h.postal_code, h.address,
				       h.persons, string_agg(m.name, '|' order by m.is_head desc, m.resident_id) as members
				from benefit_household h
				left join benefit_member head on head.tenant_id = h.tenant_id and head.programme_id = h.programme_id
				    and head.resident_id = h.head_resident_id
				join benefit_member m on m.tenant_id = h.tenant_id and m.programme_id = h.programme_id and m.household_id = h.household_id
				where h.tenant_id = ? and h.programme_id = ?
				group by h.application_number, h.household_id, h.head_resident_id, head.name, head.name_kana, h.postal_code, h.address, h.persons
				order by h.application_number
				""", row -> {
			try {
				for (int i = 1; i <= 7; i++) {
					CsvCell.write(writer, row.getString(i));
					writer.write(',');
				}
				writer.write(Integer.toString(row.getInt(8)));
				writer.write(',');
				writer.write(Long.toString(row.getInt(8) * programme.amountPerPerson()));
				writer.write(',');
				CsvCell.write(writer, row.getString(9));
				writer.write("\r\n");
			} catch (IOException e) {
				throw new java.io.UncheckedIOException(e);
			}
		}, municipality, programmeId);
		writer.flush();
	}
}
