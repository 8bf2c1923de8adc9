package madoguchi.bench;

import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.flowable.common.engine.api.FlowableObjectNotFoundException;
import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.common.engine.api.FlowableTaskAlreadyClaimedException;
import org.flowable.common.engine.impl.history.HistoryLevel;
import org.flowable.common.engine.impl.persistence.StrongUuidGenerator;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.task.api.Task;
import org.madoguchi.platform.database.EmbeddedPostgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Flowable 7.2's BPMN engine on its own database ({@value #DATABASE}, owned by an ordinary role) on the
 * same embedded PostgreSQL server, configured as its documentation advises for concurrent use: a HikariCP
 * pool as large as Madoguchi's, UUID ids (no id-block table to contend on), no async executor, and the
 * default history level {@code audit}. Workers follow the usual task-list pattern: query a candidate
 * group's unassigned tasks, claim one, complete it; a claim lost to another worker is retried.
 */
final class FlowableEngine implements Engine {

	static final String DATABASE = "flowable";
	static final String PROCESS = "benchThreeStep";

	private final HikariDataSource pool;
	private final SqlCounter sql = new SqlCounter();
	private final ProcessEngine engine;
	private final int window;
	final java.util.concurrent.atomic.LongAdder conflictsInComplete = new java.util.concurrent.atomic.LongAdder();

	/**
	 * @param window how many of the oldest candidate tasks a worker picks from at random: with 1, all workers
	 *     of a step race for the same task; with the number of workers of a step, races are rare
	 */
	private FlowableEngine(EmbeddedPostgres postgres, int poolSize, int window) throws SQLException {
		this.window = window;
		String password = prepareDatabase(postgres);
		String url = postgres.jdbcUrl().substring(0, postgres.jdbcUrl().lastIndexOf('/') + 1) + DATABASE;
		var config = new HikariConfig();
		config.setJdbcUrl(url);
		config.setUsername(DATABASE);
		config.setPassword(password);
		config.setMaximumPoolSize(poolSize);
		config.setPoolName(DATABASE);
		config.addDataSourceProperty("ApplicationName", DATABASE);
		this.pool = new HikariDataSource(config);
		var configuration = new StandaloneProcessEngineConfiguration();
		configuration.setDataSource(sql.wrap(pool));
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		configuration.setAsyncExecutorActivate(false);
		configuration.setIdGenerator(new StrongUuidGenerator());
		configuration.setHistoryLevel(HistoryLevel.AUDIT);
		configuration.setCreateDiagramOnDeploy(false);
		configuration.setDisableIdmEngine(true);
		configuration.setDisableEventRegistry(true);
		this.engine = configuration.buildProcessEngine();
		engine.getRepositoryService().createDeployment().name("bench").addClasspathResource("bench-three-step.bpmn20.xml").deploy();
	}

	static FlowableEngine start(EmbeddedPostgres postgres, int poolSize, int window) throws SQLException {
		return new FlowableEngine(postgres, poolSize, window);
	}

	/** A role and a database of Flowable's own, made with the server's superuser. */
	private static String prepareDatabase(EmbeddedPostgres postgres) throws SQLException {
		var bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		String password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		try (var admin = postgres.superuserConnection(); var statement = admin.createStatement()) {
			statement.execute("create role " + DATABASE + " login nosuperuser password '" + password + "'");
			statement.execute("create database " + DATABASE + " owner " + DATABASE + " encoding 'UTF8' template template0");
		}
		return password;
	}

	@Override
	public String name() {
		return "flowable";
	}

	@Override
	public String database() {
		return DATABASE;
	}

	@Override
	public String notes() {
		return "completions repeated after losing a race (all runs): " + conflictsInComplete.sum() + "; candidate window " + window;
	}

	@Override
	public SqlCounter sql() {
		return sql;
	}

	@Override
	public Worker worker(Stage stage, int index) {
		var runtime = engine.getRuntimeService();
		return switch (stage) {
			case INTAKE -> key -> {
				runtime.startProcessInstanceByKey(PROCESS, key, variables(key));
				return Outcome.DONE;
			};
			case CHECK -> key -> take("check", "checkers", "bench-checker-" + index, Map.of("checkedBy", "bench-checker-" + index));
			case DECIDE -> key -> take("decide", "officials", "bench-official-" + index, Map.of("decision", "approved"));
		};
	}

	private Outcome take(String step, String group, String user, Map<String, Object> outcome) {
		var tasks = engine.getTaskService();
		List<Task> candidates = tasks.createTaskQuery().processDefinitionKey(PROCESS).taskDefinitionKey(step)
			.taskCandidateGroup(group).orderByTaskCreateTime().asc().listPage(0, window);
		if (candidates.isEmpty()) {
			return Outcome.EMPTY;
		}
		String id = candidates.get(ThreadLocalRandom.current().nextInt(candidates.size())).getId();
		try {
			tasks.claim(id, user);
		} catch (FlowableTaskAlreadyClaimedException | FlowableOptimisticLockingException | FlowableObjectNotFoundException lost) {
			return Outcome.CONFLICT;
		} catch (RuntimeException e) {
			if (lostRace(e) || !stillClaimable(id)) {
				return Outcome.CONFLICT;
			}
			throw e;
		}
		// the task is ours now; a completion that loses a race with a neighbour's claim is simply repeated
		for (int attempt = 1;; attempt++) {
			try {
				tasks.complete(id, outcome);
				return Outcome.DONE;
			} catch (RuntimeException e) {
				if (attempt == 5 || !(e instanceof FlowableOptimisticLockingException || lostRace(e))) {
					throw e;
				}
				conflictsInComplete.increment();
			}
		}
	}

	/**
	 * A claim that failed on a task another worker has meanwhile claimed or finished lost a race; the
	 * engine says so in several ways besides its own exceptions (seen here: a NullPointerException inside
	 * the claim command when the task's process had just ended).
	 */
	private boolean stillClaimable(String id) {
		var task = engine.getTaskService().createTaskQuery().taskId(id).singleResult();
		return task != null && task.getAssignee() == null;
	}

	/**
	 * Races that PostgreSQL, not Flowable, detects (all seen here with 3 concurrent claimers): its deadlock
	 * detector ends one of two claims that update ACT_RU_TASK and ACT_HI_TASKINST of the same task in
	 * opposite order; and a claim of a task whose process another worker has just ended fails on the
	 * foreign key of the participant link it inserts. For a worker each is a lost race like any other.
	 */
	private static boolean lostRace(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof java.sql.SQLException sql && java.util.Set.of("40P01", "40001", "23503").contains(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	/** The same five values Madoguchi's case data holds, as process variables. */
	private static Map<String, Object> variables(String key) {
		var variables = new HashMap<String, Object>();
		variables.put("applicantName", Form.NAME);
		variables.put("applicantNameKana", Form.NAME_KANA);
		variables.put("applicantBirthDate", Form.BIRTH_DATE);
		variables.put("applicantAddress", Form.ADDRESS);
		variables.put("amount", Form.amount(key));
		return variables;
	}

	/** Finished process instances, and running ones still at the check (any other running one is wrong). */
	CaseworkBenchmark.Tally outcome() {
		long finished = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).finished().count();
		long running = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(PROCESS).count();
		long atCheck = engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS).taskDefinitionKey("check")
			.taskUnassigned().count();
		return new CaseworkBenchmark.Tally(finished, atCheck, running - atCheck);
	}

	@Override
	public void close() {
		engine.close();
		pool.close();
	}
}
