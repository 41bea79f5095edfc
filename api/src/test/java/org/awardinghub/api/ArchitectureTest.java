package org.awardinghub.api;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MessageHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * The shape of the code, checked on every build: what each module may know of the others, no package cycles, and
 * nothing public that Axon can reach without it. Main classes of every module, not tests.
 */
@AnalyzeClasses(packages = "org.awardinghub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String EVENTS = "org.awardinghub.events..";
    private static final String COMMAND = "org.awardinghub.command..";
    private static final String QUERY = "org.awardinghub.query..";
    private static final String API = "org.awardinghub.api..";

    /** A class of the command side that handles events: a lookup's table, or a policy. */
    private static final DescribedPredicate<JavaClass> EVENT_HANDLING_COMMAND_SIDE = describe(
            "are event-handling classes of the command side (lookup tables, policies)",
            type -> type.getPackageName().startsWith("org.awardinghub.command")
                    && (type.isAnnotatedWith(ProcessingGroup.class)
                            || type.getMethods().stream()
                                    .anyMatch(method -> method.isAnnotatedWith(EventHandler.class))));

    /** An event-sourced aggregate: a class with an {@code @AggregateIdentifier} field. */
    private static final DescribedPredicate<JavaClass> AGGREGATE = describe(
            "are aggregates",
            type -> type.getAllFields().stream().anyMatch(field -> field.isAnnotatedWith(AggregateIdentifier.class)));

    /** A field of an aggregate, or a method or constructor of one that is not static: its state and behaviour. */
    private static final DescribedPredicate<JavaAccess<?>> AGGREGATE_INTERNALS =
            describe("an aggregate's fields, constructors or instance methods", access -> {
                AccessTarget target = access.getTarget();
                return AGGREGATE.test(target.getOwner())
                        && !target.resolveMember()
                                .map(member -> member.getModifiers().contains(JavaModifier.STATIC))
                                .orElse(false);
            });

    @ArchTest
    static final ArchRule noCyclesBetweenContextsOfTheCommandSide =
            slices().matching("org.awardinghub.command.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenPackagesOfTheQuerySide =
            slices().matching("org.awardinghub.query.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenPackagesOfTheApi =
            slices().matching("org.awardinghub.api.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule noCyclesBetweenContextsOfTheEvents =
            slices().matching("org.awardinghub.events.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule theCommandSideNeverSeesTheQuerySide = noClasses()
            .that()
            .resideInAPackage(COMMAND)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(QUERY, API)
            .because("the write side decides on its own data, never on a read model");

    @ArchTest
    static final ArchRule theQuerySideNeverSeesTheCommandSide = noClasses()
            .that()
            .resideInAPackage(QUERY)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(COMMAND, API)
            .because("read models are built from events alone");

    @ArchTest
    static final ArchRule eventsDependOnNothingButThemselvesAndTheJdk = classes()
            .that()
            .resideInAPackage(EVENTS)
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(EVENTS, "java..")
            .because("events are the stored contract: they outlive every framework");

    @ArchTest
    static final ArchRule theApiReadsLookupsThroughTheirInterfaces = noClasses()
            .that()
            .resideInAPackage(API)
            .should()
            .dependOnClassesThat(EVENT_HANDLING_COMMAND_SIDE)
            .because("what keeps a lookup current is the command side's business; the API asks its interface");

    @ArchTest
    static final ArchRule theApiNeverTouchesAnAggregatesState = noClasses()
            .that()
            .resideInAPackage(API)
            .should()
            .accessTargetWhere(AGGREGATE_INTERNALS)
            .orShould()
            .callConstructorWhere(describe("an aggregate's constructor", call -> AGGREGATE.test(call.getTargetOwner())))
            .because("an aggregate changes only through commands sent to it");

    @ArchTest
    static final ArchRule messageHandlersAreNotPublic = methods()
            .that()
            .areMetaAnnotatedWith(MessageHandler.class)
            .should()
            .notBePublic()
            .because("Axon calls them; nothing else may");

    @ArchTest
    static final ArchRule lookupImplementationsAreNotPublic = classes()
            .that()
            .resideInAPackage(COMMAND)
            .and(describe("keep a lookup table", type -> type.getSimpleName().endsWith("DirectoryTable")))
            .should()
            .notBePublic()
            .because("they are reached through their read-only interfaces");
}
