package org.madoguchi.casework;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.madoguchi.japan.InvalidValue;
import org.madoguchi.japan.KanaName;
import org.madoguchi.japan.WarekiDate;
import org.madoguchi.platform.InvalidInput;
import org.madoguchi.platform.NotFound;
import org.madoguchi.platform.Problem;
import org.madoguchi.procedures.Channel;
import org.madoguchi.procedures.Procedure;
import org.madoguchi.procedures.Procedures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Opening cases from any channel, exactly once per idempotency key, and reading them back. */
@Service
public class Cases {

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
	static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String COLUMNS = """
			tenant_id, case_number, procedure_id, procedure_version, channel, state, data::text as data, received_at,
			received_on, due_date, sla_paused_since, created_by""";

	private final JdbcClient db;
	private final Procedures procedures;
	private final IntakeLedger ledger;
	private final PersonalFields personal;
	private final CaseTimeline timeline;
	private final CaseMoves moves;

	Cases(JdbcClient db, Procedures procedures, IntakeLedger ledger, PersonalFields personal, CaseTimeline timeline, CaseMoves moves) {
		this.db = db;
		this.procedures = procedures;
		this.ledger = ledger;
		this.personal = personal;
		this.timeline = timeline;
		this.moves = moves;
	}

	/**
	 * Opens a case. Paper forms (by mail, or handed in at the counter) are registered before they are keyed,
	 * so such an intake only has to be valid in what it carries; online, API and CSV data must be complete.
	 */
	@Transactional
	public Intake open(String municipality, String idempotencyKey, String procedureId, String channelName, JsonNode data) {
		IntakeLedger.checkKey(idempotencyKey);
		var problems = new InvalidInput.Collector();
		Procedure procedure = null;
		if (procedureId == null || procedureId.isBlank()) {
			problems.add("procedure", "required");
		} else {
			procedure = procedures.current(municipality, procedureId).orElse(null);
			if (procedure == null) {
				problems.add("procedure", "unknown_procedure");
			}
		}
		Channel channel = parseChannel(channelName, procedure, problems);
		if (data != null && !data.isObject()) {
			problems.add("data", "type");
		}
		problems.throwIfAny();
		ObjectNode given = data == null ? JSON.createObjectNode() : (ObjectNode) data;
		byte[] hash = IntakeLedger.hash(procedureId + "\n" + channel + "\n" + JSON.writeValueAsString(given));
		var earlier = ledger.earlier(municipality, idempotencyKey, hash);
		if (earlier.isPresent()) {
			return existing(municipality, earlier.get());
		}
		LocalDate today = LocalDate.now(TOKYO);
		var checked = procedure.check(given, today);
		List<Problem> blocking = checked.problems().stream()
			.filter(p -> !(channel == Channel.MAIL || channel == Channel.COUNTER) || !"required".equals(p.code())).toList();
		if (!blocking.isEmpty()) {
			throw new InvalidInput(blocking);
		}
		long serial = db.sql("select nextval('case_serial')").query(Long.class).single() % 100_000_000L;
		String number = CaseNumber.issue(today.getYear(), serial).value();
		if (!ledger.record(municipality, idempotencyKey, hash, number)) {
			// a concurrent retry with the same key committed first: its case is the one
			return existing(municipality, ledger.earlier(municipality, idempotencyKey, hash).orElseThrow());
		}
		var sealed = personal.seal(municipality, procedure, checked.data());
		var applicant = Applicant.of(procedure, checked.data());
		var first = procedure.workflow().initial();
		var clock = moves.opening(municipality, procedure, first, today);
		db.sql("""
				insert into case_file (tenant_id, case_number, procedure_id, procedure_version, channel, state, data,
				    applicant_key, applicant_birth, applicant_phone, received_at, received_on, due_date, sla_paused_since, created_by)
				values (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, now(), ?, ?, ?, ?)
				""").params(municipality, number, procedure.id(), procedure.version(), channel.wire(), first.id(),
				JSON.writeValueAsString(sealed.data()), applicant.key(), applicant.birthDate(),
				personal.phoneIndex(municipality, applicant.phone()), today, clock.due(), clock.pausedSince(), moves.actor()).update();
		timeline.append(municipality, number, "received", null, first.id(), null,
				Map.of("channel", channel.wire(), "procedure", procedure.id(), "version", Integer.toString(procedure.version())));
		moves.queueOpened(municipality, number, first, clock);
		return new Intake(number, first.id(), clock.due(), true);
	}

	/** The case with its row locked until the transaction ends: every transition starts here. */
	Optional<CaseFile> lock(String municipality, String caseNumber) {
		return db.sql("select " + COLUMNS + " from case_file where tenant_id = ? and case_number = ? for update")
			.params(municipality, caseNumber).query(CaseFile.class).optional();
	}

	public Optional<CaseFile> find(String municipality, String caseNumber) {
		return db.sql("select " + COLUMNS + " from case_file where tenant_id = ? and case_number = ?").params(municipality, caseNumber)
			.query(CaseFile.class).optional();
	}

	public CaseFile get(String municipality, String typedNumber) {
		String number;
		try {
			number = CaseNumber.parse(typedNumber).value();
		} catch (InvalidValue e) {
			throw new InvalidInput("caseNumber", e.code());
		}
		return find(municipality, number).orElseThrow(() -> new NotFound("caseNumber"));
	}

	/** The case's data as stored: personal values appear only as vault references with their mask. */
	public static JsonNode data(CaseFile file) {
		return JSON.readTree(file.data());
	}

	public List<TimelineEntry> timeline(String municipality, String caseNumber) {
		return timeline.of(municipality, caseNumber);
	}

	private Intake existing(String municipality, String caseNumber) {
		var found = find(municipality, caseNumber).orElseThrow();
		return new Intake(found.caseNumber(), found.state(), found.dueDate(), false);
	}

	private static Channel parseChannel(String name, Procedure procedure, InvalidInput.Collector problems) {
		if (name == null || name.isBlank()) {
			problems.add("channel", "required");
			return null;
		}
		for (Channel channel : Channel.values()) {
			if (channel.wire().equals(name)) {
				if (procedure != null && !procedure.channels().contains(channel)) {
					problems.add("channel", "channel_not_accepted");
				}
				return channel;
			}
		}
		problems.add("channel", "unknown_channel");
		return null;
	}

	/** Who the case is about, as far as search needs: the first person whose reading the form asks for. */
	record Applicant(String key, LocalDate birthDate, String phone) {

		static Applicant of(Procedure procedure, ObjectNode plain) {
			JsonNode person = person(procedure, plain);
			if (person == null) {
				return new Applicant(null, null, null);
			}
			String kana = text(person, "nameKana");
			String birth = text(person, "birthDate");
			String key = null;
			LocalDate birthDate = null;
			try {
				key = kana == null ? null : KanaName.matchKeyOf(kana);
				birthDate = birth == null ? null : WarekiDate.parseIsoOrWareki(birth);
			} catch (InvalidValue ignored) {
				// a mailed form may carry a value not yet keyed properly; search simply does not find it yet
			}
			return new Applicant(key, birthDate, text(person, "phone"));
		}

		/** The object of the first person whose reading the form asks for (applicant, requester, notifier …). */
		static JsonNode person(Procedure procedure, JsonNode data) {
			return procedure.fields().stream().map(f -> f.path()).filter(p -> p.endsWith(".nameKana") && !p.contains("[]")).findFirst()
				.map(p -> data.at("/" + p.substring(0, p.length() - ".nameKana".length()).replace('.', '/'))).orElse(null);
		}

		static String text(JsonNode node, String field) {
			JsonNode value = node == null ? null : node.get(field);
			return value != null && value.isString() && !value.asString().isBlank() ? value.asString() : null;
		}
	}
}
