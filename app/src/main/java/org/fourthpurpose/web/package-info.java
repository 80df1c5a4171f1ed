/**
 * The page shell every feature's pages share, and the one error model: the Thymeleaf layout with
 * the NHS.UK header and footer, small NHS.UK component fragments, the deploying organisation's
 * branding (service name and optional logo; never the NHS logo by default), and the four kinds of
 * problem a person can put right ({@link org.fourthpurpose.web.NotFoundException}, {@link
 * org.fourthpurpose.web.InvalidInputException}, {@link org.fourthpurpose.web.ConflictException},
 * {@link org.fourthpurpose.web.PayloadTooLargeException}), shown by one page advice and one API
 * advice. The page cache ({@link org.fourthpurpose.web.PublicPageCache}) keeps public pages whole
 * for anonymous visitors and their bodies per {@link org.fourthpurpose.web.PageAudience} for
 * signed-in people, drawing each person's own header around them.
 */
@ApplicationModule(allowedDependencies = {"csv", "reference"})
package org.fourthpurpose.web;

import org.springframework.modulith.ApplicationModule;
