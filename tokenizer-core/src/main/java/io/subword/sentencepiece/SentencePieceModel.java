package io.subword.sentencepiece;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import io.subword.AddedToken;
import io.subword.Tokenizer;
import io.subword.bpe.Bpe;
import io.subword.decode.ByteFallbackDecoder;
import io.subword.decode.MetaspaceDecoder;
import io.subword.decode.SequenceDecoder;
import io.subword.model.Model;
import io.subword.normalize.PrecompiledCharsMap;
import io.subword.pretokenize.MetaspacePreTokenizer;
import io.subword.sentencepiece.proto.SentencePieceModelProto.ModelProto;
import io.subword.sentencepiece.proto.SentencePieceModelProto.NormalizerSpec;
import io.subword.sentencepiece.proto.SentencePieceModelProto.TrainerSpec;
import io.subword.unigram.PieceType;
import io.subword.unigram.Unigram;
import io.subword.vocab.Merge;
import io.subword.vocab.MergeTable;
import io.subword.vocab.Vocabulary;
import io.subword.vocab.io.AtomicFiles;
import io.subword.vocab.io.InputFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A SentencePiece model file ({@code .model}, the {@code ModelProto} protobuf), read and written with
 * protobuf-java through our own {@code sentencepiece_model.proto}.
 *
 * <pre>{@code
 * SentencePieceModel spm = SentencePieceModel.read(Path.of("spiece.model"));
 * Tokenizer tok = spm.toTokenizer();                 // spm_encode's ids
 * String json = spm.toHuggingFaceJson();             // a tokenizer.json Hugging Face reads with the same ids
 * }</pre>
 *
 * Immutable; fields the proto does not declare are kept and written back.
 */
public final class SentencePieceModel {
    /** The model algorithm, {@code TrainerSpec.model_type}. */
    public enum ModelType { UNIGRAM, BPE, WORD, CHAR }

    private final ModelProto proto;
    private final String source;

    private SentencePieceModel(ModelProto proto, String source) {
        this.proto = proto;
        this.source = source;
    }

    /**
     * Reads a {@code .model} file.
     *
     * @throws InputFormatException naming the file, for bytes that are not a ModelProto (garbage, truncated) or
     *                              a model SentencePiece itself would reject (no pieces, empty or repeated
     *                              pieces, no unknown piece, a broken charsmap)
     */
    public static SentencePieceModel read(Path file) throws IOException, InputFormatException {
        return parse(Files.readAllBytes(file), file);
    }

    /** Reads the bytes of a {@code .model} file; {@code file} (may be null) names it in errors. */
    public static SentencePieceModel parse(byte[] bytes, Path file) throws InputFormatException {
        ModelProto proto;
        try {
            proto = ModelProto.parseFrom(bytes);
        } catch (InvalidProtocolBufferException e) {
            throw new InputFormatException(file, "ModelProto", "not a SentencePiece model (" + bytes.length
                    + " bytes of protobuf): " + firstLine(e.getMessage()));
        }
        SentencePieceModel m = new SentencePieceModel(proto, String.valueOf(file));
        m.validate(file);
        return m;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "malformed protobuf";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private void validate(Path file) throws InputFormatException {
        if (proto.getPiecesCount() == 0) {
            throw new InputFormatException(file, "pieces", "the model has no pieces (not a SentencePiece model?)");
        }
        Map<String, Integer> seen = new HashMap<>();
        int unk = -1;
        for (int i = 0; i < proto.getPiecesCount(); i++) {
            ModelProto.SentencePiece p = proto.getPieces(i);
            if (p.getPiece().isEmpty()) {
                throw new InputFormatException(file, "pieces[" + i + "]", "empty piece");
            }
            Integer before = seen.put(p.getPiece(), i);
            if (before != null) {
                throw new InputFormatException(file, "pieces[" + i + "]", "piece "
                        + Vocabulary.quote(p.getPiece()) + " is already pieces[" + before + "]");
            }
            if (Float.isNaN(p.getScore())) {
                throw new InputFormatException(file, "pieces[" + i + "]", "score is NaN");
            }
            if (p.getType() == ModelProto.SentencePiece.Type.UNKNOWN) {
                if (unk >= 0) {
                    throw new InputFormatException(file, "pieces[" + i + "]", "a second unknown piece (the first is"
                            + " pieces[" + unk + "])");
                }
                unk = i;
            }
        }
        if (unk < 0) {
            throw new InputFormatException(file, "pieces", "no piece has type UNKNOWN");
        }
        if (!proto.getNormalizerSpec().getPrecompiledCharsmap().isEmpty()) {
            try {
                PrecompiledCharsMap.decode(proto.getNormalizerSpec().getPrecompiledCharsmap().toByteArray());
            } catch (IllegalArgumentException e) {
                throw new InputFormatException(file, "normalizer_spec.precompiled_charsmap", e.getMessage());
            }
        }
    }

    /** Writes the model to {@code file} atomically (a temporary file moved into place). */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, proto::writeTo);
    }

    /** The serialized model. */
    public byte[] toBytes() {
        return proto.toByteArray();
    }

    /**
     * A model of the given pieces, made from scratch (e.g. by a trainer): the normalizer spec of
     * {@code normalizerName} with the given charsmap ({@code null} for identity), SentencePiece's defaults for
     * the rest.
     */
    public static SentencePieceModel of(ModelType type, List<String> pieces, double[] scores, List<PieceType> types,
                                        byte[] precompiledCharsMap, String normalizerName, boolean byteFallback) {
        if (pieces.size() != scores.length || pieces.size() != types.size()) {
            throw new IllegalArgumentException(pieces.size() + " pieces, " + scores.length + " scores, "
                    + types.size() + " types");
        }
        ModelProto.Builder b = ModelProto.newBuilder();
        for (int i = 0; i < pieces.size(); i++) {
            b.addPieces(ModelProto.SentencePiece.newBuilder().setPiece(pieces.get(i)).setScore((float) scores[i])
                    .setType(ModelProto.SentencePiece.Type.forNumber(types.get(i).number())));
        }
        b.setTrainerSpec(TrainerSpec.newBuilder()
                .setModelType(TrainerSpec.ModelType.forNumber(type.ordinal() + 1))
                .setVocabSize(pieces.size()).setByteFallback(byteFallback));
        NormalizerSpec.Builder n = NormalizerSpec.newBuilder().setName(normalizerName);
        if (precompiledCharsMap != null) {
            n.setPrecompiledCharsmap(ByteString.copyFrom(precompiledCharsMap));
        }
        b.setNormalizerSpec(n);
        return new SentencePieceModel(b.build(), "(new model)");
    }

    // ---- what the file says

    public ModelType modelType() {
        return ModelType.values()[proto.getTrainerSpec().getModelType().getNumber() - 1];
    }

    public int size() {
        return proto.getPiecesCount();
    }

    public List<String> pieces() {
        List<String> out = new ArrayList<>(size());
        for (ModelProto.SentencePiece p : proto.getPiecesList()) {
            out.add(p.getPiece());
        }
        return Collections.unmodifiableList(out);
    }

    public String piece(int id) {
        return proto.getPieces(id).getPiece();
    }

    public float score(int id) {
        return proto.getPieces(id).getScore();
    }

    public PieceType type(int id) {
        PieceType t = PieceType.ofNumber(proto.getPieces(id).getType().getNumber());
        return t == null ? PieceType.NORMAL : t;
    }

    private double[] scores() {
        double[] s = new double[size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = score(i);
        }
        return s;
    }

    private List<PieceType> types() {
        List<PieceType> t = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            t.add(type(i));
        }
        return t;
    }

    /** The id of the unknown piece. */
    public int unkId() {
        for (int i = 0; i < size(); i++) {
            if (type(i) == PieceType.UNKNOWN) {
                return i;
            }
        }
        return -1;
    }

    /** The normalization rule set's name ({@code nmt_nfkc}, {@code identity}, ...). */
    public String normalizerName() {
        return proto.getNormalizerSpec().getName();
    }

    /** The precompiled charsmap, or {@code null} when there is none (identity rules). */
    public byte[] precompiledCharsMap() {
        ByteString b = proto.getNormalizerSpec().getPrecompiledCharsmap();
        return b.isEmpty() ? null : b.toByteArray();
    }

    public boolean addDummyPrefix() {
        return proto.getNormalizerSpec().getAddDummyPrefix();
    }

    public boolean removeExtraWhitespaces() {
        return proto.getNormalizerSpec().getRemoveExtraWhitespaces();
    }

    public boolean escapeWhitespaces() {
        return proto.getNormalizerSpec().getEscapeWhitespaces();
    }

    public boolean byteFallback() {
        return proto.getTrainerSpec().getByteFallback();
    }

    public boolean splitDigits() {
        return proto.getTrainerSpec().getSplitDigits();
    }

    public boolean treatWhitespaceAsSuffix() {
        return proto.getTrainerSpec().getTreatWhitespaceAsSuffix();
    }

    /** The unknown piece's text, {@code trainer_spec.unk_piece} ({@code <unk>} by default). */
    public String unkPiece() {
        return proto.getTrainerSpec().getUnkPiece();
    }

    // ---- encoding

    /**
     * A tokenizer that encodes as SentencePiece does ({@code spm_encode --output_format=id}): SentencePiece's
     * normalizer, then the whole normalized sentence through the model. Unigram models encode with
     * SentencePiece's Unigram semantics ({@link Unigram#sentencePiece}); BPE models with the BPE engine over
     * merges ranked by the score of the merged piece (the ordering SentencePiece's BPE merges by), fusing unknown
     * characters, with byte fallback as the file says. No special tokens are added and control pieces written in
     * the text are ordinary text, as in {@code spm_encode}.
     *
     * @throws UnsupportedOperationException for word and char models
     */
    public Tokenizer toTokenizer() {
        PrecompiledCharsMap charsMap = precompiledCharsMap() == null ? null
                : PrecompiledCharsMap.decode(precompiledCharsMap());
        List<String> userDefined = new ArrayList<>();
        for (int i = 0; i < size(); i++) {
            if (type(i) == PieceType.USER_DEFINED) {
                userDefined.add(piece(i));
            }
        }
        SentencePieceNormalizer normalizer = new SentencePieceNormalizer(charsMap, addDummyPrefix(),
                removeExtraWhitespaces(), escapeWhitespaces(), treatWhitespaceAsSuffix(), userDefined);
        char space = SentencePieceNormalizer.SPACE_SYMBOL;
        MetaspaceDecoder metaspace = new MetaspaceDecoder(space, addDummyPrefix());
        Tokenizer.Builder b;
        switch (modelType()) {
            case UNIGRAM -> b = Tokenizer.builder(Unigram.sentencePiece(pieces(), scores(), types(), byteFallback()));
            case BPE -> {
                b = Tokenizer.builder(bpe())
                        .preTokenizer(new MetaspacePreTokenizer(space, MetaspacePreTokenizer.PrependScheme.NEVER,
                                true));
                // user-defined symbols are whole symbols before merging in SentencePiece's BPE
                for (int i = 0; i < size(); i++) {
                    if (type(i) == PieceType.USER_DEFINED) {
                        b.addToken(AddedToken.normal(piece(i), i));
                    }
                }
            }
            default -> throw new UnsupportedOperationException("SentencePiece " + modelType()
                    + " models are not supported (Unigram and BPE are)");
        }
        return b.normalizer(normalizer)
                .decoder(byteFallback() ? new SequenceDecoder(List.of(ByteFallbackDecoder.INSTANCE, metaspace))
                        : metaspace)
                .build();
    }

    /**
     * The BPE model of a SentencePiece BPE file: merges are every split of a piece into two pieces, ranked by the
     * merged piece's score (highest first), ties in id order of the merged piece, then of its left and right
     * parts; as Hugging Face's converter derives them.
     */
    Bpe bpe() {
        List<String> pieces = pieces();
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < pieces.size(); i++) {
            ids.put(pieces.get(i), i);
        }
        Vocabulary vocab = Vocabulary.of(pieces);
        List<long[]> ranked = new ArrayList<>(); // merged id, left id, right id
        for (int id = 0; id < pieces.size(); id++) {
            PieceType t = type(id);
            if (t != PieceType.NORMAL && t != PieceType.USER_DEFINED && t != PieceType.UNUSED) {
                continue;
            }
            String p = pieces.get(id);
            for (int cut = 1; cut < p.length(); cut++) {
                if (Character.isLowSurrogate(p.charAt(cut))) {
                    continue;
                }
                Integer l = ids.get(p.substring(0, cut));
                Integer r = ids.get(p.substring(cut));
                if (l != null && r != null) {
                    ranked.add(new long[] {id, l, r});
                }
            }
        }
        double[] scores = scores();
        ranked.sort((x, y) -> {
            int c = Double.compare(scores[(int) y[0]], scores[(int) x[0]]);
            if (c != 0) {
                return c;
            }
            c = Long.compare(x[0], y[0]);
            if (c != 0) {
                return c;
            }
            c = Long.compare(x[1], y[1]);
            return c != 0 ? c : Long.compare(x[2], y[2]);
        });
        List<Merge> merges = new ArrayList<>(ranked.size());
        for (long[] m : ranked) {
            merges.add(new Merge(pieces.get((int) m[1]), pieces.get((int) m[2])));
        }
        return Bpe.builder(vocab, MergeTable.fromMerges(vocab, merges))
                .unkToken(piece(unkId()))
                .fuseUnk(true)
                .byteFallback(byteFallback())
                .build();
    }

    /** The merges {@link #bpe()} uses, for the Hugging Face file. */
    List<Merge> bpeMerges() {
        return bpe().merges().merges(Vocabulary.of(pieces()));
    }

    /** The score SentencePiece's Unigram encoder gives piece {@code id} in the lattice (user-defined bonus). */
    double latticeScore(int id) {
        if (type(id) != PieceType.USER_DEFINED) {
            return score(id);
        }
        float max = Float.MIN_NORMAL;
        for (int i = 0; i < size(); i++) {
            if (type(i) == PieceType.NORMAL) {
                max = Math.max(max, score(i));
            }
        }
        int bytes = piece(id).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        return (float) ((double) (bytes * max) - 0.1);
    }

    /** Hugging Face's tokenizer.json for this model; see {@link HuggingFaceConversion}. */
    public String toHuggingFaceJson() {
        return HuggingFaceConversion.toJson(this);
    }

    /** Where the model was read from, for messages. */
    public String source() {
        return source;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SentencePieceModel m && m.proto.equals(proto);
    }

    @Override
    public int hashCode() {
        return Objects.hash(proto);
    }

    @Override
    public String toString() {
        return "SentencePieceModel[" + modelType() + ", " + size() + " pieces, normalizer " + normalizerName() + "]";
    }
}
