-- Hibernate made a global temporary table on H2 at every start, for an INSERT ... SELECT into Axon's saga
-- associations (their ids come from a sequence), which the application never runs. Hibernate no longer creates it
-- (hibernate.query.mutation_strategy.global_temporary.create_tables=false), so that every table is Flyway's
-- (ADR 0146); the one a release before Flyway left behind, always empty, goes. PostgreSQL never had it.
DROP TABLE IF EXISTS HTE_association_value_entry;
