package madoguchi.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import org.madoguchi.Madoguchi;
import org.madoguchi.casework.Cases;
import org.madoguchi.casework.Move;
import org.madoguchi.casework.Worklists;
import org.madoguchi.identity.StaffUser;
import org.madoguchi.platform.Role;
import org.madoguchi.platform.ScopedTransactions;
import org.madoguchi.platform.TenantScope;
import org.madoguchi.platform.database.EmbeddedPostgres;
import org.madoguchi.platform.database.EmbeddedPostgresHolder;
import org.madoguchi.procedures.Procedures;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Madoguchi application started in this JVM, driven through its Java services exactly as its REST
 * controllers drive them: {@link Cases#open} for intake, {@link Worklists#next} (claim-next on the work
 * queue) and {@link Worklists#complete} (the transition, with its checks, timeline and audit entry) for the
 * check and the decision.
 */
final class MadoguchiEngine implements Engine {

	static final String KOBE = "281000";
	static final String PROCEDURE = "bench-three-step";
	static final String CHECK_QUEUE = "bench-check";
	static final String DECISION_QUEUE = "bench-decision";
	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Move CHECK = new Move("check", null, null, null);
	private static final Move DECIDE = new Move("decide", null, "approved", null);

	/** The demo municipalities: 神戸市, 大阪市, 土浦市. */
	static final List<String> DEMO_CITIES = List.of(KOBE, "271004", "072079");

	private final ConfigurableApplicationContext context;
	private final SqlCounter sql;
	private final Cases cases;
	private final Worklists worklists;
	private final List<String> cities;
	private final boolean owner;

	private MadoguchiEngine(ConfigurableApplicationContext context, SqlCounter sql, List<String> cities, boolean owner) {
		this.context = context;
		this.sql = sql;
		this.cases = context.getBean(Cases.class);
		this.worklists = context.getBean(Worklists.class);
		this.cities = List.copyOf(cities);
		this.owner = owner;
	}

	/**
	 * The same application with its cases spread over several municipalities, each with its own audit
	 * chain: a diagnostic that shows how much of the single-city figure is the chain's lock.
	 */
	MadoguchiEngine spreadOver(List<String> municipalities) {
		return new MadoguchiEngine(context, sql, municipalities, false);
	}

	/**
	 * Starts the application (and with it the embedded PostgreSQL) on a fresh data folder. With
	 * {@code countStatements}, every connection is wrapped to count statements (the casework profile); the
	 * wrapping costs a reflective call per JDBC call, a fifth of a status look-up's time in the application.
	 */
	static MadoguchiEngine start(Path dataDir, int poolSize, boolean countStatements) throws IOException {
		var sql = new SqlCounter();
		var app = new SpringApplication(Madoguchi.class);
		app.setBannerMode(Banner.Mode.OFF);
		app.setLogStartupInfo(false);
		if (countStatements) {
			app.addInitializers((ApplicationContextInitializer<ConfigurableApplicationContext>) context -> context.getBeanFactory()
				.addBeanPostProcessor(new BeanPostProcessor() {
					@Override
					public Object postProcessAfterInitialization(Object bean, String name) {
						// the tenant-scoped DataSource every transaction and JdbcClient of the app uses
						return "dataSource".equals(name) && bean instanceof DataSource dataSource ? sql.wrap(dataSource) : bean;
					}
				}));
		}
		var context = app.run("--madoguchi.data-dir=" + dataDir.toAbsolutePath(), "--server.port=0", "--madoguchi.demo=true",
				// the benchmarks load their own cases and cities; 神戸市's demo register would make its import a merge
				"--madoguchi.demo.benefits=false",
				// the status benchmark's clients all come from 127.0.0.1
				"--madoguchi.portal.lookups-per-minute=100000000",
				"--madoguchi.db.pool-size=" + poolSize, "--logging.level.root=WARN",
				"--logging.level.org.apache.fontbox=ERROR",
				// Flowable logs each lost claim race (an exception the worker handles) at ERROR before rethrowing it
				"--logging.level.org.flowable.common.engine.impl.interceptor.CommandContext=OFF", "--spring.main.banner-mode=off");
		var engine = new MadoguchiEngine(context, sql, List.of(KOBE), true);
		for (String city : DEMO_CITIES) {
			engine.publishProcedure(city);
		}
		return engine;
	}

	<T> T bean(Class<T> type) {
		return context.getBean(type);
	}

	int port() {
		return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
	}

	EmbeddedPostgres postgres() {
		return context.getBean(EmbeddedPostgresHolder.class).running()
			.orElseThrow(() -> new IllegalStateException("the application did not start its embedded PostgreSQL"));
	}

	private void publishProcedure(String city) throws IOException {
		String yaml;
		try (InputStream in = MadoguchiEngine.class.getResourceAsStream("/" + PROCEDURE + ".yaml")) {
			yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		signIn(staff("bench-admin", Role.ADMIN, Role.Organization.OPERATOR, List.of(city)));
		try {
			var procedures = context.getBean(Procedures.class);
			context.getBean(ScopedTransactions.class).call(city, () -> procedures.publish(city, PROCEDURE, yaml, "application/yaml"));
		} finally {
			SecurityContextHolder.clearContext();
		}
	}

	@Override
	public String name() {
		return cities.size() == 1 ? "madoguchi" : "madoguchi over " + cities.size() + " cities";
	}

	@Override
	public String database() {
		return "madoguchi";
	}

	@Override
	public SqlCounter sql() {
		return sql;
	}

	@Override
	public Worker worker(Stage stage, int index) {
		var user = switch (stage) {
			case INTAKE -> staff("bench-clerk-" + index, Role.OPERATOR_CLERK, Role.Organization.OPERATOR, cities);
			case CHECK -> staff("bench-checker-" + index, Role.OPERATOR_CHECKER, Role.Organization.OPERATOR, cities);
			case DECIDE -> staff("bench-official-" + index, Role.MUNICIPAL_OFFICIAL, Role.Organization.MUNICIPALITY, cities);
		};
		signIn(user);
		var scope = TenantScope.open(cities);
		return new Worker() {
			private int turn = index;

			@Override
			public Outcome step(String key) {
				return switch (stage) {
					case INTAKE -> {
						String city = cities.get(Math.floorMod(key.hashCode(), cities.size()));
						yield cases.open(city, key, PROCEDURE, "online", form(key)).created() ? Outcome.DONE : Outcome.EMPTY;
					}
					case CHECK -> take(CHECK_QUEUE, CHECK);
					case DECIDE -> take(DECISION_QUEUE, DECIDE);
				};
			}

			/** One city's queue after another, starting with the next city each time. */
			private Outcome take(String queue, Move move) {
				turn++;
				for (int i = 0; i < cities.size(); i++) {
					var task = worklists.next(cities.get(Math.floorMod(turn + i, cities.size())), queue);
					if (task.isPresent()) {
						worklists.complete(task.get().id(), move);
						return Outcome.DONE;
					}
				}
				return Outcome.EMPTY;
			}

			@Override
			public void close() {
				scope.close();
				SecurityContextHolder.clearContext();
			}
		};
	}

	/** The same five values the Flowable process starts with. */
	static ObjectNode form(String key) {
		var data = JSON.createObjectNode();
		data.putObject("applicant")
			.put("name", Form.NAME)
			.put("nameKana", Form.NAME_KANA)
			.put("birthDate", Form.BIRTH_DATE.toString())
			.put("address", Form.ADDRESS);
		data.put("amount", Form.amount(key));
		return data;
	}

	static StaffUser staff(String username, Role role, Role.Organization organization, List<String> cities) {
		return new StaffUser(Math.abs((long) username.hashCode()), username, username, organization, Set.of(role.name()),
				Set.copyOf(cities), false);
	}

	/** As the app's own sign-in does: STAFF plus ROLE_ per role (identity.web.Authorities). */
	static void signIn(StaffUser user) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		authorities.add(new SimpleGrantedAuthority("STAFF"));
		user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
		Authentication authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
		var securityContext = SecurityContextHolder.createEmptyContext();
		securityContext.setAuthentication(authentication);
		SecurityContextHolder.setContext(securityContext);
	}

	/** Every municipality's bench cases by state, read as the superuser (row-level security does not apply). */
	CaseworkBenchmark.Tally outcome() throws java.sql.SQLException {
		long decided = 0;
		long waiting = 0;
		long other = 0;
		try (var connection = postgres().superuserConnection(); var statement = connection.prepareStatement(
				"select state, count(*) from case_file where procedure_id = ? group by state")) {
			statement.setString(1, PROCEDURE);
			try (var rows = statement.executeQuery()) {
				while (rows.next()) {
					switch (rows.getString(1)) {
						case "decided" -> decided = rows.getLong(2);
						case "received" -> waiting = rows.getLong(2);
						default -> other += rows.getLong(2);
					}
				}
			}
		}
		return new CaseworkBenchmark.Tally(decided, waiting, other);
	}

	@Override
	public void close() {
		if (owner) {
			context.close();
		}
	}
}
