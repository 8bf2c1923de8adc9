package org.madoguchi.casework.web;

import java.util.List;
import java.util.Map;

import org.madoguchi.casework.Move;
import org.madoguchi.casework.Task;
import org.madoguchi.casework.WorkQueues;
import org.madoguchi.casework.Worklists;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Claiming and completing work, the supervisor's view of the queues, and assignment. */
@RestController
class WorkApi {

	private final Worklists worklists;
	private final WorkQueues queues;

	WorkApi(Worklists worklists, WorkQueues queues) {
		this.worklists = worklists;
		this.queues = queues;
	}

	record Claimed(long id, String caseNumber, String queue, String step) {
		static Claimed of(Task task) {
			return new Claimed(task.id(), task.caseNumber(), task.queue(), task.step());
		}
	}

	record Assignment(String assignee) {
	}

	@PostMapping("/api/v1/municipalities/{code}/work/next")
	ResponseEntity<Claimed> next(@PathVariable String code, @RequestParam(required = false) String queue) {
		return worklists.next(code, queue).map(t -> ResponseEntity.ok(Claimed.of(t))).orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PostMapping("/api/v1/tasks/{id}/complete")
	Map<String, String> complete(@PathVariable long id, @RequestBody Move move) {
		return Map.of("state", worklists.complete(id, move));
	}

	@GetMapping("/api/v1/municipalities/{code}/work/queues")
	@PreAuthorize("hasAnyRole('OPERATOR_SUPERVISOR','MUNICIPAL_OFFICIAL','ADMIN')")
	List<WorkQueues.QueueLoad> load(@PathVariable String code) {
		return queues.load(code);
	}

	@PostMapping("/api/v1/municipalities/{code}/tasks/{id}/assign")
	ResponseEntity<Void> assign(@PathVariable String code, @PathVariable long id, @RequestBody Assignment assignment) {
		worklists.assign(code, id, assignment.assignee());
		return ResponseEntity.noContent().build();
	}
}
