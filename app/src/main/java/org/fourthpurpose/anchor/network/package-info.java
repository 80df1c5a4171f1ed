/**
 * The connected anchor system: the organisations of a workspace's register linked by the Step 1
 * themes they both commit to and by joint commitments, drawn as a network (chart kit, with a table
 * and text alternative), with the system's totals and how its commitments moved over time.
 */
package org.fourthpurpose.anchor.network;
