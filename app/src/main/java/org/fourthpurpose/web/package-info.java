/**
 * The page shell every feature's pages share, and the one error model: the Thymeleaf layout with
 * the NHS.UK header and footer, small NHS.UK component fragments, the deploying organisation's
 * branding (service name and optional logo; never the NHS logo by default), the public page cache,
 * and the four kinds of problem a person can put right ({@link
 * org.fourthpurpose.web.NotFoundException}, {@link org.fourthpurpose.web.InvalidInputException},
 * {@link org.fourthpurpose.web.ConflictException}, {@link
 * org.fourthpurpose.web.PayloadTooLargeException}), shown by one page advice and one API advice.
 */
package org.fourthpurpose.web;
