package io.subword.vocab;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class or member that is public only for technical reasons: another module of this project uses it
 * (a module can only share a package, not a class, so the class sits in an exported API package). It is not
 * part of the API: it may change or go in any release, and code outside this project should not call it. This
 * is Lucene's {@code @lucene.internal} as an annotation, so that tools and reviewers can find every use.
 *
 * <p>Whole packages that only our modules need are not exported at all, or exported only to those modules
 * ({@code exports ... to} in {@code module-info.java}); this marker is for the single classes in between.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface Internal {
}
