/**
 * The page shell every feature's pages share: the Thymeleaf layout with the NHS.UK header and
 * footer, small NHS.UK component fragments, the deploying organisation's branding (service name and
 * optional logo; never the NHS logo by default) and the NHS-style error pages. A page template uses
 * it with {@code <html th:replace="~{layout :: page(~{::head/title}, ~{::main})}">}. The page cache
 * ({@link org.fourthpurpose.web.PublicPageCache}) keeps public pages whole for anonymous visitors
 * and their bodies per {@link org.fourthpurpose.web.PageAudience} for signed-in people.
 */
package org.fourthpurpose.web;
