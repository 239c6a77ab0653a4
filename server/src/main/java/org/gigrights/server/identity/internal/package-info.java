/** Account storage, password hashing and lockout. */
package org.gigrights.server.identity.internal;
