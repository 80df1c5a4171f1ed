/**
 * Sharing a workspace's anchor system: an ICS administrator chooses what is public (the register,
 * the commitments, the connected system with its coverage against need); a public page, the public
 * API and a CSV per ICS show only that, and systems compare their published commitments with their
 * nearest neighbours' published ones. Nothing unpublished ever leaves the workspace.
 */
package org.fourthpurpose.anchor.sharing;
