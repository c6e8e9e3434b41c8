package fr.macrea.max.settings;

/**
 * The tenant's own AI model: an OpenAI-compatible endpoint (OpenAI, Mistral, vLLM, Ollama...), its model name and an
 * optional API key (a local Ollama needs none). Without it M.A.X. answers with its offline brain (SPEC §10).
 */
public record ModelSettings(String baseUrl, String model, SecretState apiKey) {

    public static final ModelSettings NONE = new ModelSettings(null, null, SecretState.NONE);

    public boolean configured() {
        return baseUrl != null;
    }
}
