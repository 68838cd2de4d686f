/**
 * The area hierarchy (重層的な圏域): municipality &gt; ward or 日常生活圏域 &gt; school districts &gt; district councils &gt;
 * neighbourhood associations. The tree is data that each municipality shapes for itself.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "audit"})
@org.jspecify.annotations.NullMarked
package org.marugoto.area;
