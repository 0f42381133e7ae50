package io.subword.compare;

import io.subword.Encoding;
import io.subword.Offsets;
import io.subword.Tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One candidate of a {@link Comparison} being measured: it encodes each held-out line and tallies tokens, unknown
 * tokens and words against the {@link HeldOutText}'s words, into one {@link Tally} for all lines (index 0) and
 * one per language group g (index g + 1). Fed by one thread at a time; the scratch arrays are reused per line.
 */
final class CandidateRun {
    final Candidate candidate;
    final Tokenizer tokenizer;
    final int unkId;
    final int vocabSize;
    private final List<Tally> tallies = new ArrayList<>();
    /** Tokens that overlap each word. */
    private int[] perWord = new int[64];
    /** What each word costs in tokens: those that overlap it plus those covering no word, counted toward it. */
    private int[] costOf = new int[64];
    private boolean[] unkWord = new boolean[64];
    private boolean[] covers = new boolean[64];

    CandidateRun(Candidate candidate) {
        this.candidate = candidate;
        this.tokenizer = candidate.tokenizer();
        this.unkId = unknownId(tokenizer);
        this.vocabSize = tokenizer.vocabulary().tokenCount();
    }

    Tally tally(int index) {
        while (tallies.size() <= index) {
            tallies.add(new Tally());
        }
        return tallies.get(index);
    }

    /** Encodes the lines of {@code chunk} and tallies them. */
    void add(HeldOutText.Chunk chunk) {
        for (int i = 0; i < chunk.lines().length; i++) {
            addLine(chunk.lines()[i], chunk.wordStarts()[i], chunk.wordEnds()[i], chunk.wordTypes()[i],
                    chunk.chars()[i], chunk.bytes()[i], tally(0), tally(chunk.groups()[i] + 1));
        }
    }

    private void addLine(String line, int[] wStart, int[] wEnd, int[] wType, long chars, long bytes,
                         Tally all, Tally group) {
        Encoding e = tokenizer.encode(line, false);
        int[] ids = e.ids();
        Offsets offsets = e.offsets();
        int nw = wStart.length;
        if (perWord.length < nw) {
            int cap = Math.max(nw, perWord.length * 2);
            perWord = new int[cap];
            costOf = new int[cap];
            unkWord = new boolean[cap];
            covers = new boolean[cap];
        }
        Arrays.fill(perWord, 0, nw, 0);
        Arrays.fill(unkWord, 0, nw, false);
        Arrays.fill(covers, 0, nw, false);
        Arrays.fill(costOf, 0, nw, 0);
        int unkTokens = 0;
        int w = 0;
        // Tokens that cover no word (a byte-level model's lone "Ġ" before a word it does not merge with, a
        // run of spaces, a trailing newline) still take a place in the sequence: each counts toward the next
        // word, or the last one at the end of the line, so that tokens per word counts every token.
        int pending = 0;
        for (int t = 0; t < ids.length; t++) {
            int id = ids[t];
            boolean unk = id == unkId;
            if (unk) {
                unkTokens++;
            }
            all.usedIds.set(id);
            group.usedIds.set(id);
            int s = offsets.start(t);
            int end = offsets.end(t);
            while (w < nw && wEnd[w] <= s) {
                w++;
            }
            if (w < nw && wStart[w] < end) {
                if (perWord[w]++ == 0) {
                    covers[w] = s <= wStart[w] && end >= wEnd[w];
                }
                unkWord[w] |= unk;
                costOf[w] += 1 + pending;
                pending = 0;
            } else if (w < nw) {
                pending++;
            } else if (nw > 0) {
                costOf[nw - 1]++;
            }
        }
        if (nw > 0) {
            costOf[Math.min(w, nw - 1)] += pending;
        }
        for (Tally tally : new Tally[] {all, group}) {
            tally.lines++;
            tally.tokens += ids.length;
            tally.unkTokens += unkTokens;
            tally.chars += chars;
            tally.bytes += bytes;
            tally.words += nw;
            tally.addSequence(ids.length);
            for (int k = 0; k < nw; k++) {
                tally.addFertility(costOf[k]);
                if (unkWord[k]) {
                    tally.unkWords++;
                    tally.unkTypes.set(wType[k]);
                } else if (perWord[k] == 1 && covers[k]) {
                    tally.wholeWords++;
                }
            }
        }
    }

    /** The id of the tokenizer's unknown token, or -1 if its model has none (byte-level BPE). */
    static int unknownId(Tokenizer tokenizer) {
        return tokenizer.model().unknownId();
    }
}
