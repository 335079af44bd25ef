package org.parkatlas;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks tests that need a PostGIS server ({@link PostgisTestDatabase}). Without one they are skipped with one loud
 * line saying why and how to enable them — unless {@code PARKATLAS_REQUIRE_POSTGIS=1}, where that is a failure.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(RequiresPostgis.Condition.class)
public @interface RequiresPostgis {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            String reason = PostgisTestDatabase.skipReason();
            return reason == null ? ConditionEvaluationResult.enabled("PostGIS: " + PostgisTestDatabase.description())
                    : ConditionEvaluationResult.disabled(reason);
        }
    }
}
