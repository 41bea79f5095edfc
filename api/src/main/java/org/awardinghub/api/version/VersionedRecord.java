package org.awardinghub.api.version;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an operation whose successful answer carries the record's {@code ETag} header ({@link ETags}): a read of a
 * versioned record, or an amendment of one. The API's document says so ({@link VersionDocumentation}).
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface VersionedRecord {}
