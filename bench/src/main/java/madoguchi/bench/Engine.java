package madoguchi.bench;

/**
 * One workflow engine as the benchmark drives it: workers of three kinds, each made on its own thread
 * (so a worker can hold thread-bound state such as the signed-in caller), each doing one unit of work
 * per {@link Worker#step}.
 */
interface Engine extends AutoCloseable {

	enum Stage {
		INTAKE, CHECK, DECIDE
	}

	/** What one step did: finished a unit, found its queue empty, or lost a race for a task to another worker. */
	enum Outcome {
		DONE, EMPTY, CONFLICT
	}

	interface Worker extends AutoCloseable {

		/** Intake opens the case {@code key}; check and decide claim and complete the next task of their queue. */
		Outcome step(String key) throws Exception;

		@Override
		default void close() {
		}
	}

	String name();

	/** The PostgreSQL database the engine's tables live in (for the activity sampler). */
	String database();

	/** Counts the JDBC work the engine does. */
	SqlCounter sql();

	/** Anything the engine's workers had to do besides the steps themselves, for the report. */
	default String notes() {
		return "";
	}

	/** Called on the worker's own thread, before the clock starts. */
	Worker worker(Stage stage, int index) throws Exception;

	@Override
	void close();
}
