package org.awardinghub.api.store;

import java.sql.Types;
import org.hibernate.boot.model.TypeContributions;
import org.hibernate.dialect.H2Dialect;
import org.hibernate.service.ServiceRegistry;
import org.hibernate.type.SqlTypes;
import org.hibernate.type.descriptor.jdbc.BlobJdbcType;

/**
 * H2 with Axon's binary columns (payloads, metadata, tokens) as {@code VARBINARY}, not as large objects. H2 keeps a
 * {@code BLOB} apart from its row and copies it into temporary storage for every result that holds it: each event
 * read by a command or by one of the dozen event processors was two such copies, which cost about seven times the
 * read itself and grew the file with garbage. Events are far below {@code VARBINARY}'s 1 GB limit.
 * {@link H2LargeObjectMigration} converts the columns of a database created before.
 */
public class VarbinaryH2Dialect extends H2Dialect {

    @Override
    protected String columnType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "varbinary" : super.columnType(sqlTypeCode);
    }

    @Override
    protected String castType(int sqlTypeCode) {
        return sqlTypeCode == SqlTypes.BLOB ? "varbinary" : super.castType(sqlTypeCode);
    }

    @Override
    public void contributeTypes(TypeContributions typeContributions, ServiceRegistry serviceRegistry) {
        super.contributeTypes(typeContributions, serviceRegistry);
        // bound and read as bytes; the column keeps the BLOB type code, so that its DDL is the unbounded type above
        typeContributions
                .getTypeConfiguration()
                .getJdbcTypeRegistry()
                .addDescriptor(Types.BLOB, BlobJdbcType.PRIMITIVE_ARRAY_BINDING);
    }
}
