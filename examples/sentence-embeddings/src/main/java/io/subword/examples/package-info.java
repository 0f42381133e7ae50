/**
 * A real model fed by the library, end to end: all-MiniLM-L6-v2 (the quantized ONNX file of langchain4j's
 * artifact) run with ONNX Runtime on ids from our tokenizer, loaded from the {@code tokenizer.json} beside the model.
 * {@code SentenceEmbedder} turns texts into L2-normalized 384-float sentence embeddings by mean pooling, handling
 * long inputs as langchain4j's model does; {@code SentenceEmbeddings} is the command behind
 * {@code examples/sentence-embeddings/run IN.txt OUT.npy}. This module is an example, not a dependency of the CLI:
 * ONNX Runtime stays out of the CLI jar.
 */
package io.subword.examples;
