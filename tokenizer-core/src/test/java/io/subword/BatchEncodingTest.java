package io.subword;

import io.subword.post.Padding;
import io.subword.testkit.RealData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BERT uncased ids: [PAD] 0, [CLS] 101, [SEP] 102, hello 7592, world 2088, the 1996, a 1037. Pairs get type id 1
 * on their second part.
 */
class BatchEncodingTest {
    private static Tokenizer bert;

    @BeforeAll
    static void load() throws Exception {
        bert = Tokenizers.fromFile(RealData.bertUncasedTokenizerJsonWithoutLimits());
    }

    @ParameterizedTest(name = "{0} | {1} {2} {3} {4}")
    @CsvSource(delimiter = ';', value = {
            // texts (| between rows, + between a pair); strategy; length; multiple; direction;
            //   shape; input_ids; attention_mask; token_type_ids
            "hello world|the;    longest; 0; 0; right; 2x4; 101 7592 2088 102 101 1996 102 0;"
                    + " 1 1 1 1 1 1 1 0; 0 0 0 0 0 0 0 0",
            "hello world|the;    longest; 0; 0; left;  2x4; 101 7592 2088 102 0 101 1996 102;"
                    + " 1 1 1 1 0 1 1 1; 0 0 0 0 0 0 0 0",
            "hello|a;            fixed;   5; 0; right; 2x5; 101 7592 102 0 0 101 1037 102 0 0;"
                    + " 1 1 1 0 0 1 1 1 0 0; 0 0 0 0 0 0 0 0 0 0",
            "hello world|the;    longest; 0; 3; right; 2x6; 101 7592 2088 102 0 0 101 1996 102 0 0 0;"
                    + " 1 1 1 1 0 0 1 1 1 0 0 0; 0 0 0 0 0 0 0 0 0 0 0 0",
            "hello+world|the;    longest; 0; 0; right; 2x5; 101 7592 102 2088 102 101 1996 102 0 0;"
                    + " 1 1 1 1 1 1 1 1 0 0; 0 0 0 1 1 0 0 0 0 0",
            "the;                fixed;   3; 0; left;  1x3; 101 1996 102; 1 1 1; 0 0 0",
    })
    void flattensRowMajor(String texts, String strategy, int length, int multiple, String direction, String shape,
                          String ids, String mask, String types) {
        List<Encoding> encodings = Arrays.stream(texts.split("\\|"))
                .map(t -> t.contains("+") ? bert.encodePair(t.split("\\+")[0], t.split("\\+")[1]) : bert.encode(t))
                .toList();
        Padding padding = new Padding(strategy.equals("fixed") ? Padding.Strategy.FIXED
                : Padding.Strategy.BATCH_LONGEST, length,
                direction.equals("left") ? Padding.Direction.LEFT : Padding.Direction.RIGHT, multiple, 0, 0, "[PAD]");
        BatchEncoding batch = BatchEncoding.of(encodings, padding);

        long[] expectedShape = Arrays.stream(shape.split("x")).mapToLong(Long::parseLong).toArray();
        assertArrayEquals(expectedShape, batch.shape());
        assertArrayEquals(longs(ids), batch.inputIds());
        assertArrayEquals(longs(mask), batch.attentionMask());
        assertArrayEquals(longs(types), batch.tokenTypeIds());
        assertArrayEquals(ints(ids), batch.inputIdsInt());
        assertArrayEquals(ints(mask), batch.attentionMaskInt());
        assertArrayEquals(ints(types), batch.tokenTypeIdsInt());
        assertArrayEquals(longs(ids), drain(batch.inputIdsBuffer()));
        assertArrayEquals(longs(mask), drain(batch.attentionMaskBuffer()));
        assertArrayEquals(longs(types), drain(batch.tokenTypeIdsBuffer()));
        assertArrayEquals(ints(ids), drain(batch.inputIdsIntBuffer()));
        for (int r = 0; r < batch.rows(); r++) {
            assertEquals(encodings.get(r).size(), batch.length(r));
        }
    }

    @Test
    void defaultPadsToTheLongestWithIdZero() {
        BatchEncoding batch = BatchEncoding.of(bert.encodeBatch(List.of("the", "hello world", "")));
        assertArrayEquals(new long[]{3, 4}, batch.shape());
        assertArrayEquals(new long[]{101, 1996, 102, 0, 101, 7592, 2088, 102, 101, 102, 0, 0}, batch.inputIds());
        assertArrayEquals(new long[]{1, 1, 1, 0, 1, 1, 1, 1, 1, 1, 0, 0}, batch.attentionMask());
    }

    @Test
    void buffersAreDirectInNativeOrderAndIndependent() {
        BatchEncoding batch = BatchEncoding.of(List.of(bert.encode("hello")));
        LongBuffer a = batch.inputIdsBuffer();
        assertTrue(a.isDirect());
        assertEquals(ByteOrder.nativeOrder(), a.order());
        assertEquals(0, a.position());
        assertEquals(3, a.limit());
        a.put(0, 5);
        assertEquals(101, batch.inputIdsBuffer().get(0), "each call gives a new buffer");
        long[] ids = batch.inputIds();
        ids[0] = 5;
        assertEquals(101, batch.inputIds()[0], "each call gives a new array");
    }

    @Test
    void tooLongForTheFixedLengthNamesTheEncoding() {
        List<Encoding> encodings = List.of(bert.encode("the"), bert.encode("hello world"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BatchEncoding.of(encodings, Padding.fixed(3, 0, "[PAD]")));
        assertEquals("encoding 1 has 4 tokens, more than the fixed length 3; truncate it first", e.getMessage());
    }

    @Test
    void anEmptyBatchHasNoRows() {
        BatchEncoding batch = BatchEncoding.of(List.of());
        assertArrayEquals(new long[]{0, 0}, batch.shape());
        assertEquals(0, batch.inputIdsBuffer().limit());
    }

    private static long[] longs(String s) {
        return Arrays.stream(s.trim().split(" +")).mapToLong(Long::parseLong).toArray();
    }

    private static int[] ints(String s) {
        return Arrays.stream(s.trim().split(" +")).mapToInt(Integer::parseInt).toArray();
    }

    private static long[] drain(LongBuffer b) {
        long[] out = new long[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private static int[] drain(IntBuffer b) {
        int[] out = new int[b.remaining()];
        b.duplicate().get(out);
        return out;
    }
}
