package org.madoguchi;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The whole application on a random port, with its embedded PostgreSQL in a folder fresh for this test
 * JVM (so runs never see each other's data) and the demo data loaded. Test classes share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = Madoguchi.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "madoguchi.data-dir=target/test-data/${PID}")
public @interface MadoguchiTest {
}
