/**
 * Local indicators: the measures an ICS workspace defines for itself (title, definition, unit, kind
 * of number, better direction, interval method, theme, source, licence and the area types it has
 * values for), so that the values it imports for them have a home and reach its profile beside the
 * national indicators, marked as local. Editors define, change, publish and delete them from the
 * workspace's pages or the API; viewers read them. A definition lives in the catalogue's own table
 * with the workspace's code, so imports, backups and the profile read it as they read any other
 * indicator; its values are imported through the ordinary import path and checked against it.
 */
package org.fourthpurpose.indicator.local;
