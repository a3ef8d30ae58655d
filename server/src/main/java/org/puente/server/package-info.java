/** The node server: REST API, sign-in and roles, audit, upload and the dashboard. */
package org.puente.server;
