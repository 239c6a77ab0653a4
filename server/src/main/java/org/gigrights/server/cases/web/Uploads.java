package org.gigrights.server.cases.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.gigrights.server.cases.Upload;
import org.springframework.web.multipart.MultipartFile;

/** Multipart files to uploads, skipping the empty file input a browser sends. */
final class Uploads {
    private Uploads() {}

    static List<Upload> of(List<MultipartFile> files) {
        List<Upload> out = new ArrayList<>();
        if (files == null) {
            return out;
        }
        for (MultipartFile f : files) {
            if (f.isEmpty()) {
                continue;
            }
            try {
                String name = f.getOriginalFilename() == null ? "attachment" : f.getOriginalFilename();
                out.add(new Upload(name, f.getContentType(), f.getBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
