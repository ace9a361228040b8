package io.tune4j.trainer.spec;

import io.tune4j.search.space.SearchSpace;
import io.tune4j.search.spec.NearestName;
import io.tune4j.search.spec.SpaceParser;
import io.tune4j.search.spec.SpecMapping;
import io.tune4j.search.spec.SpecNode;
import io.tune4j.trainer.network.Checks;
import io.tune4j.trainer.network.Hyperparameter;
import io.tune4j.trainer.network.NetworkDefinition;
import io.tune4j.trainer.network.ParamRule;
import io.tune4j.trainer.network.block.Block;
import io.tune4j.trainer.network.block.BlockParam;
import io.tune4j.trainer.network.block.BlockType;
import io.tune4j.trainer.network.block.BlockTypes;
import io.tune4j.trainer.network.block.LayerStack;
import io.tune4j.trainer.network.block.OutputBlock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Reads {@code network:}: either a list of blocks, each {@code - <type>: {settings}}, or
 * {@code {class: com.acme.MyNet}}, a user's {@link NetworkDefinition}. A block's setting is a fixed value or any
 * form a {@code space:} entry takes; besides its type's settings a block may say {@code name}, {@code repeat}
 * (a count, or a range or choice of counts), {@code vary: same|own}, {@code scale: {key: factor}} and
 * {@code optional: true}. Everything that can be checked without data is checked here, with the line.
 */
public final class NetworkSectionParser {
    private static final List<String> STRUCTURE = List.of("name", "repeat", "vary", "scale", "optional");
    private static final Pattern BLOCK_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** Own-per-repeat params are declared once per possible count: keep that product small. */
    private static final int MAX_REPEATS = 8;

    private NetworkSectionParser() {}

    /**
     * @param images whether the dataset's rows are images (a table's cannot feed spatial blocks)
     */
    public static NetworkSection parse(Optional<SpecNode> section, boolean images) {
        if (section.isEmpty()) return NetworkSection.shorthand();
        SpecNode node = section.get();
        if (node.isMapping()) return userClass(node.mapping().allowOnly(List.of("class")).require("class"));
        if (!node.isSequence()) throw node.fail("expected a list of blocks (- dense: {...}) or {class: com.acme.MyNet}");
        List<SpecNode> items = node.sequence();
        if (items.isEmpty()) throw node.fail("lists no blocks");
        List<ParsedBlock> blocks = new ArrayList<>();
        Map<String, Integer> ordinals = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            ParsedBlock block = block(items.get(i), ordinals, i == items.size() - 1);
            if (!names.add(block.block().name())) throw block.at().fail("block name '" + block.block().name() + "' is used twice");
            blocks.add(block);
        }
        checkLayout(blocks, images);
        Map<String, ParamRule> rules = new LinkedHashMap<>();
        for (ParsedBlock block : blocks) block.addRules(rules);
        SpaceParser.Extension extension = (parser, builder) -> {
            for (ParsedBlock block : blocks) block.declare(parser, builder);
        };
        return new NetworkSection(new LayerStack(blocks.stream().map(ParsedBlock::block).toList()), extension, rules,
                Set.of(Hyperparameter.HIDDEN_LAYERS.key(), Hyperparameter.UNITS.key()), false);
    }

    private static NetworkSection userClass(SpecNode classNode) {
        NetworkDefinition definition = UserNetworks.load(classNode);
        return new NetworkSection(definition, (parser, builder) -> {}, Map.of(), Set.of(), true);
    }

    private static ParsedBlock block(SpecNode item, Map<String, Integer> ordinals, boolean last) {
        SpecMapping typed = item.mapping();
        if (typed.size() != 1) throw item.fail("a block is one '- <type>: {settings}' entry; types: " + String.join(", ", BlockTypes.names()));
        SpecMapping.Entry entry = typed.entries().get(0);
        BlockType type = BlockTypes.named(entry.name()).orElseThrow(() -> entry.key().fail("unknown layer type '"
                + entry.name() + "'" + NearestName.hint(entry.name(), BlockTypes.names()) + " (known: "
                + String.join(", ", BlockTypes.names()) + ")"));
        if (type instanceof OutputBlock && !last) throw entry.key().fail("the output block must be the last one");
        List<String> keys = new ArrayList<>(type.params().stream().map(BlockParam::key).toList());
        keys.addAll(STRUCTURE);
        SpecMapping settings = entry.value().isNull() ? null : entry.value().mapping();
        if (settings != null) {
            for (SpecMapping.Entry setting : settings.entries()) {
                if (!keys.contains(setting.name())) {
                    throw setting.key().fail(type.name() + " has no setting '" + setting.name() + "'"
                            + NearestName.hint(setting.name(), keys) + " (known: " + String.join(", ", keys) + ")");
                }
            }
        }
        int ordinal = ordinals.merge(type.name(), 1, Integer::sum);
        // There is one output block: its settings read output.dropout, not output_1.dropout.
        String defaultName = type instanceof OutputBlock ? OutputBlock.NAME : type.name() + "_" + ordinal;
        return new BlockReader(entry.key(), type, settings).read(defaultName);
    }

    /** Spatial blocks need image rows, and nothing can make rows images again once a block flattened them. */
    private static void checkLayout(List<ParsedBlock> blocks, boolean images) {
        String flatBecause = images ? null : "the dataset's rows are a table, not images";
        for (ParsedBlock parsed : blocks) {
            BlockType type = parsed.block().type();
            if (type.layout() == BlockType.Layout.IMAGE && flatBecause != null) {
                throw parsed.at().fail(type.name() + " needs image-shaped input, but " + flatBecause);
            }
            if (type.layout() == BlockType.Layout.FLAT && flatBecause == null) {
                flatBecause = "block " + parsed.block().name() + " before it makes them flat";
            }
        }
    }

    /** A block as written, with the nodes of its sampled settings so the space can declare them. */
    private record ParsedBlock(SpecNode at, Block block, List<SpecMapping.Entry> sampled, SpecNode repeatNode,
                               List<Integer> repeatCounts, SpecNode optionalNode) {

        void addRules(Map<String, ParamRule> rules) {
            if (block.sampledRepeats()) rules.put(block.repeatParam(), rule(block.repeatParam(), Checks::nonNegativeInteger));
            if (block.optional()) rules.put(block.includeParam(), rule(block.includeParam(), Checks::bool));
            int most = block.sampledRepeats() ? repeatCounts.stream().max(Integer::compare).orElse(0) : block.repeats();
            for (BlockParam param : block.type().params()) {
                if (!block.sampled().contains(param.key())) continue;
                for (int repeat = 1; repeat <= (block.ownPerRepeat() ? most : 1); repeat++) {
                    rules.put(block.paramName(param.key(), repeat), param);
                }
            }
        }

        void declare(SpaceParser parser, SearchSpace.Builder builder) {
            if (!block.optional()) {
                declareRepeats(parser, builder);
                return;
            }
            parser.declareChoice(builder, block.includeParam(), optionalNode, List.of(true, false));
            builder.when(block.includeParam(), true, present -> declareRepeats(parser, present));
        }

        private void declareRepeats(SpaceParser parser, SearchSpace.Builder builder) {
            if (!block.ownPerRepeat()) {
                if (block.sampledRepeats()) parser.declare(builder, new SpecMapping.Entry("repeat", repeatNode, repeatNode), block.name() + ".");
                declareSettings(parser, builder, 1);
                return;
            }
            if (!block.sampledRepeats()) {
                for (int repeat = 1; repeat <= block.repeats(); repeat++) declareSettings(parser, builder, repeat);
                return;
            }
            // Each count is a branch holding the settings of that many layers: a layer's own width exists only
            // when the count reaches it, which a flat range could not say.
            parser.declareChoice(builder, block.repeatParam(), repeatNode, repeatCounts);
            for (int count : repeatCounts) {
                Consumer<SearchSpace.Builder> layers = nested -> {
                    for (int repeat = 1; repeat <= count; repeat++) declareSettings(parser, nested, repeat);
                };
                builder.when(block.repeatParam(), count, layers);
            }
        }

        private void declareSettings(SpaceParser parser, SearchSpace.Builder builder, int repeat) {
            String prefix = block.ownPerRepeat() ? block.name() + "." + repeat + "." : block.name() + ".";
            for (SpecMapping.Entry setting : sampled) parser.declare(builder, setting, prefix);
        }

        private static ParamRule rule(String key, java.util.function.Function<Object, Optional<String>> check) {
            return new BlockParam(key, null, check);
        }
    }

    /** Reads one block's settings. */
    private record BlockReader(SpecNode at, BlockType type, SpecMapping settings) {

        ParsedBlock read(String defaultName) {
            String name = setting("name").map(BlockReader::blockName).orElse(defaultName);
            Map<String, Object> fixed = new LinkedHashMap<>();
            List<SpecMapping.Entry> sampled = new ArrayList<>();
            Set<String> sampledKeys = new HashSet<>();
            for (BlockParam param : type.params()) {
                Optional<SpecMapping.Entry> entry = entry(param.key());
                if (entry.isEmpty()) continue;
                SpecNode value = entry.get().value();
                if (value.isMapping()) {
                    sampled.add(entry.get());
                    sampledKeys.add(param.key());
                } else {
                    Object scalar = value.scalar();
                    param.problemWith(scalar).ifPresent(problem -> {
                        throw value.fail(scalar + " " + problem);
                    });
                    fixed.put(param.key(), scalar);
                }
            }
            boolean own = setting("vary").map(v -> v.oneOf("vary", List.of("same", "own")).equals("own")).orElse(false);
            Map<String, Double> scale = scale(own);
            Optional<SpecNode> repeat = setting("repeat");
            List<Integer> counts = repeat.filter(SpecNode::isMapping).map(BlockReader::repeatCounts).orElse(List.of());
            int fixedRepeats = repeat.filter(r -> !r.isMapping()).map(r -> r.integerAtLeast(0)).orElse(1);
            boolean optional = setting("optional").map(BlockReader::bool).orElse(false);
            if (type instanceof OutputBlock && (repeat.isPresent() || optional)) {
                throw at.fail("the output block cannot repeat or be optional");
            }
            Block block = new Block(name, type, fixed, sampledKeys, fixedRepeats, !counts.isEmpty(), own, scale, optional);
            return new ParsedBlock(at, block, sampled, repeat.orElse(null), counts, setting("optional").orElse(null));
        }

        private Optional<SpecNode> setting(String key) {
            return entry(key).map(SpecMapping.Entry::value);
        }

        private Optional<SpecMapping.Entry> entry(String key) {
            if (settings == null) return Optional.empty();
            return settings.entries().stream().filter(e -> e.name().equals(key)).findFirst();
        }

        private Map<String, Double> scale(boolean own) {
            Optional<SpecNode> node = setting("scale");
            if (node.isEmpty()) return Map.of();
            if (own) throw node.get().fail("scale needs vary: same (with vary: own each layer samples its own value)");
            Map<String, Double> factors = new LinkedHashMap<>();
            List<String> numeric = type.params().stream().filter(p -> p.defaultValue() instanceof Number)
                    .map(BlockParam::key).toList();
            for (SpecMapping.Entry factor : node.get().mapping().entries()) {
                if (!numeric.contains(factor.name())) {
                    throw factor.key().fail("scale applies to numeric settings of " + type.name() + ": "
                            + String.join(", ", numeric));
                }
                double value = factor.value().number();
                if (!(value > 0) || Double.isInfinite(value)) throw factor.value().fail("a scale factor must be a number > 0");
                factors.put(factor.name(), value);
            }
            return factors;
        }

        private static String blockName(SpecNode node) {
            String name = node.text();
            if (!BLOCK_NAME.matcher(name).matches()) {
                throw node.fail("block name '" + name + "' must be a letter then letters, digits or '_'");
            }
            if (Hyperparameter.byKey(name).isPresent()) throw node.fail("block name '" + name + "' is a param name");
            return name;
        }

        /** The counts a sampled repeat can take: {int: [low, high]} or {choice: [counts]}. */
        private static List<Integer> repeatCounts(SpecNode node) {
            SpecMapping form = node.mapping().allowOnly(List.of("int", "choice"));
            if (form.size() != 1) throw node.fail("repeat takes a count, {int: [low, high]} or {choice: [counts]}");
            SpecMapping.Entry entry = form.entries().get(0);
            List<SpecNode> values = entry.value().sequence();
            List<Integer> counts = new ArrayList<>();
            if (entry.name().equals("int")) {
                if (values.size() != 2) throw entry.value().fail("a range needs two integers [low, high]");
                int low = values.get(0).integerAtLeast(0);
                int high = values.get(1).integerAtLeast(low);
                for (int count = low; count <= high; count++) counts.add(count);
            } else {
                for (SpecNode value : values) counts.add(value.integerAtLeast(0));
            }
            if (counts.isEmpty() || counts.stream().anyMatch(c -> c > MAX_REPEATS)) {
                throw entry.value().fail("repeat counts must be 0.." + MAX_REPEATS);
            }
            return counts;
        }

        private static boolean bool(SpecNode node) {
            if (node.scalar() instanceof Boolean value) return value;
            throw node.fail("expected true or false, got '" + node.text() + "'");
        }
    }
}
