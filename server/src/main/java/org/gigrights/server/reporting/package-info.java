/** Platform data reporting (数据报送): the signed events API, file upload, batches and rejects. */
package org.gigrights.server.reporting;
