package org.gigrights.server.cases;

/** An attachment as received: a screenshot, a PDF, a photo of a pay slip. */
public record Upload(String name, String contentType, byte[] data) {}
