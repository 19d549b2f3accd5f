package app.ponte.perf;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Wraps the application's DataSource so every statement the application prepares or creates on
 * one of its connections is counted: what a page fetch costs in round trips, whoever issues them
 * (JdbcClient, Hibernate, Spring Security).
 */
final class StatementCounter implements BeanPostProcessor {

    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final AtomicLong STATEMENTS = new AtomicLong();

    static long statements() {
        return STATEMENTS.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            return Proxy.newProxyInstance(getClass().getClassLoader(),
                    ClassUtils.getAllInterfacesForClass(bean.getClass(), getClass().getClassLoader()),
                    forward(dataSource, (method, result) -> result instanceof Connection connection
                            ? counting(connection) : result));
        }
        return bean;
    }

    private static Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                new Class<?>[] {Connection.class}, forward(connection, (method, result) -> {
                    if (STATEMENT_METHODS.contains(method.getName())) {
                        STATEMENTS.incrementAndGet();
                    }
                    return result;
                }));
    }

    private interface After {
        Object apply(Method method, Object result);
    }

    private static InvocationHandler forward(Object target, After after) {
        return (proxy, method, args) -> {
            try {
                return after.apply(method, method.invoke(target, args));
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
    }
}
