package org.madoguchi.casework.web;

import java.time.LocalDate;
import java.util.List;

import org.madoguchi.casework.CaseFile;
import org.madoguchi.casework.CaseList;
import org.madoguchi.casework.CaseTransitions;
import org.madoguchi.casework.Cases;
import org.madoguchi.casework.Move;
import org.madoguchi.casework.ReferencedCases;
import org.madoguchi.casework.TimelineEntry;
import org.madoguchi.platform.InvalidInput;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.JsonNode;

/** Intake, reading and moving cases; {code} is checked by the platform's tenant guard. */
@RestController
class CaseApi {

	private final Cases cases;
	private final CaseTransitions transitions;
	private final CaseList list;
	private final ReferencedCases references;

	CaseApi(Cases cases, CaseTransitions transitions, CaseList list, ReferencedCases references) {
		this.references = references;
		this.cases = cases;
		this.transitions = transitions;
		this.list = list;
	}

	record IntakeRequest(String procedure, String channel, JsonNode data) {
	}

	record IntakeResponse(String caseNumber, String state, LocalDate dueDate) {
	}

	record CaseView(String caseNumber, String procedure, int procedureVersion, String channel, String state, LocalDate receivedOn,
			LocalDate dueDate, boolean slaPaused, JsonNode data, List<TimelineEntry> timeline, ReferencedCases.Reference reference) {
	}

	@PostMapping("/api/v1/municipalities/{code}/cases")
	ResponseEntity<IntakeResponse> open(@PathVariable String code, @RequestHeader(name = "Idempotency-Key", required = false) String key,
			@RequestBody IntakeRequest request) {
		var intake = cases.open(code, key, request.procedure(), request.channel(), request.data());
		return ResponseEntity.status(intake.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(new IntakeResponse(intake.caseNumber(), intake.state(), intake.dueDate()));
	}

	@GetMapping("/api/v1/municipalities/{code}/cases/{caseNumber}")
	CaseView one(@PathVariable String code, @PathVariable String caseNumber) {
		CaseFile file = cases.get(code, caseNumber);
		return new CaseView(file.caseNumber(), file.procedureId(), file.procedureVersion(), file.channel(), file.state(), file.receivedOn(),
				file.dueDate(), file.slaPausedSince() != null, Cases.data(file), cases.timeline(code, file.caseNumber()),
				references.of(code, file.caseNumber()).orElse(null));
	}

	@GetMapping("/api/v1/municipalities/{code}/cases")
	CaseList.Page search(@PathVariable String code, @RequestParam(required = false) String procedure,
			@RequestParam(required = false) String state, @RequestParam(defaultValue = "false") boolean overdue,
			@RequestParam(required = false) String nameKana, @RequestParam(required = false) LocalDate birthDate,
			@RequestParam(required = false) String phone, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "50") int size) {
		if (page < 0 || page > 100_000) {
			throw new InvalidInput("page", "out_of_range");
		}
		if (size < 1 || size > 200) {
			throw new InvalidInput("size", "out_of_range");
		}
		return list.find(code, new CaseList.Filter(procedure, state, overdue, nameKana, birthDate, phone), page, size);
	}

	@PostMapping("/api/v1/municipalities/{code}/cases/{caseNumber}/transitions")
	CaseView move(@PathVariable String code, @PathVariable String caseNumber, @RequestBody Move move) {
		var file = cases.get(code, caseNumber);
		transitions.take(code, file.caseNumber(), move);
		return one(code, file.caseNumber());
	}
}
