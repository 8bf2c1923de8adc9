package madoguchi.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

/**
 * Counts what an engine asks of the database: connection checkouts, statements prepared (one per SQL
 * statement sent for both engines' data access: Spring's JdbcClient and MyBatis' simple executor) and
 * commits. A counter costs an atomic add per call, far below one round trip to the server.
 */
final class SqlCounter {

	final LongAdder checkouts = new LongAdder();
	final LongAdder statements = new LongAdder();
	final LongAdder commits = new LongAdder();

	record Snapshot(long checkouts, long statements, long commits) {

		Snapshot minus(Snapshot earlier) {
			return new Snapshot(checkouts - earlier.checkouts, statements - earlier.statements, commits - earlier.commits);
		}
	}

	Snapshot snapshot() {
		return new Snapshot(checkouts.sum(), statements.sum(), commits.sum());
	}

	DataSource wrap(DataSource target) {
		return (DataSource) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] { DataSource.class },
				new Forwarding(target) {
					@Override
					Object after(Method method, Object result) {
						if (result instanceof Connection connection && method.getName().equals("getConnection")) {
							checkouts.increment();
							return connection(connection);
						}
						return result;
					}
				});
	}

	private Connection connection(Connection target) {
		return (Connection) Proxy.newProxyInstance(SqlCounter.class.getClassLoader(), new Class<?>[] { Connection.class },
				new Forwarding(target) {
					@Override
					Object after(Method method, Object result) {
						switch (method.getName()) {
							case "prepareStatement", "prepareCall", "createStatement" -> statements.increment();
							case "commit" -> commits.increment();
							default -> {
							}
						}
						return result;
					}
				});
	}

	private abstract static class Forwarding implements InvocationHandler {

		private final Object target;

		Forwarding(Object target) {
			this.target = target;
		}

		abstract Object after(Method method, Object result);

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			switch (method.getName()) {
				case "equals":
					return proxy == args[0];
				case "hashCode":
					return System.identityHashCode(proxy);
				case "toString":
					return "counted " + target;
				default:
			}
			try {
				return after(method, method.invoke(target, args));
			} catch (InvocationTargetException e) {
				throw e.getCause();
			}
		}
	}
}
