package org.madoguchi.benefits.web;

import java.time.LocalDate;
import java.util.List;

import org.madoguchi.benefits.BenefitProgrammes;
import org.madoguchi.benefits.Eligibility;
import org.madoguchi.benefits.NewProgramme;
import org.madoguchi.benefits.Programme;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Benefit programmes and their eligibility snapshots; {code} is checked by the platform's tenant guard. The
 * city's administrator defines a programme, the operator's supervisor takes the snapshot the forms are printed
 * from; everyone who works the city may read them.
 */
@RestController
class BenefitProgrammeApi {

	private final BenefitProgrammes programmes;

	BenefitProgrammeApi(BenefitProgrammes programmes) {
		this.programmes = programmes;
	}

	record ProgrammeView(String id, String name, LocalDate referenceDate, long amountPerPerson, LocalDate applicationStart,
			LocalDate applicationEnd, boolean manualCheck, String applicationNumberPrefix, boolean snapshotTaken, Payer payer) {

		record Payer(String requesterCode, String name, String bankCode, String branchCode, String accountType, String accountNumber) {
		}

		static ProgrammeView of(Programme p) {
			var account = p.payer().account();
			return new ProgrammeView(p.id(), p.name(), p.referenceDate(), p.amountPerPerson(), p.applicationStart(), p.applicationEnd(),
					p.manualCheck(), Integer.toString(p.ordinal()), p.snapshotTaken(), new Payer(p.payer().requesterCode(),
							p.payer().name().value(), account.bankCode(), account.branchCode(), account.type().code(), account.number()));
		}
	}

	@PostMapping("/api/v1/municipalities/{code}/benefit-programmes")
	@PreAuthorize("hasRole('ADMIN')")
	ResponseEntity<ProgrammeView> create(@PathVariable String code, @RequestBody NewProgramme definition) {
		var created = programmes.create(code, definition);
		return ResponseEntity.status(created.isNew() ? HttpStatus.CREATED : HttpStatus.OK).body(ProgrammeView.of(created.programme()));
	}

	@GetMapping("/api/v1/municipalities/{code}/benefit-programmes")
	List<ProgrammeView> all(@PathVariable String code) {
		return programmes.all(code).stream().map(ProgrammeView::of).toList();
	}

	@GetMapping("/api/v1/municipalities/{code}/benefit-programmes/{id}")
	ProgrammeView one(@PathVariable String code, @PathVariable String id) {
		return ProgrammeView.of(programmes.get(code, id));
	}

	@PostMapping("/api/v1/municipalities/{code}/benefit-programmes/{id}/snapshot")
	@PreAuthorize("hasAnyRole('ADMIN','OPERATOR_SUPERVISOR')")
	Eligibility snapshot(@PathVariable String code, @PathVariable String id) {
		return programmes.snapshot(code, id);
	}
}
