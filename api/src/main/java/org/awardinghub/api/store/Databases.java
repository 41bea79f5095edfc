package org.awardinghub.api.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;

/** What the application asks of its relational database before it treats the embedded one differently. */
public final class Databases {

    private Databases() {}

    /**
     * Whether the database is the embedded H2 (as the database itself says), through the connection of the current
     * transaction when there is one.
     */
    public static boolean isH2(DataSource dataSource) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return "H2".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException e) {
            throw new IllegalStateException("The database does not describe itself", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }
}
