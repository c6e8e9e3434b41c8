package fr.macrea.max.brain;

import java.lang.classfile.Annotation;
import java.lang.classfile.AnnotationValue;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.constantpool.ClassEntry;
import java.lang.classfile.constantpool.ConstantDynamicEntry;
import java.lang.classfile.constantpool.LoadableConstantEntry;
import java.lang.classfile.constantpool.MemberRefEntry;
import java.lang.classfile.constantpool.MethodHandleEntry;
import java.lang.classfile.constantpool.MethodTypeEntry;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.ExceptionCatch;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeDynamicInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.NewMultiArrayInstruction;
import java.lang.classfile.instruction.NewObjectInstruction;
import java.lang.classfile.instruction.NewReferenceArrayInstruction;
import java.lang.classfile.instruction.TypeCheckInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.reflect.AccessFlag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one class file of a brain jar references, read with the JDK's {@code java.lang.classfile} API (no code is
 * loaded): its supertypes, the types of its descriptors and visible annotations, and every type, field and method
 * its code names (instructions, catch types, constants, invokedynamic bootstraps and their arguments). Metadata that
 * the JVM never resolves when running the class (generic signatures, debug tables, InnerClasses) is not read.
 */
record BrainClassScan(String name, String superName, List<String> interfaces, Set<String> declaredMembers,
                      List<Ref> refs, List<String> nativeMethods) {

    /** A reference: {@code owner} an internal class name; {@code member} and {@code descriptor} null for a type. */
    record Ref(Kind kind, String owner, String member, String descriptor) {
        enum Kind { TYPE, FIELD, METHOD, BOOTSTRAP }

        static Ref type(String owner) {
            return new Ref(Kind.TYPE, owner, null, null);
        }
    }

    /** Reads a class file; {@link IllegalArgumentException} when it is not one. */
    static BrainClassScan of(byte[] bytes) {
        ClassModel model = ClassFile.of().parse(bytes);
        Collector c = new Collector();
        String superName = model.superclass().map(ClassEntry::asInternalName).orElse(null);
        if (superName != null) {
            c.type(superName);
        }
        List<String> interfaces = model.interfaces().stream().map(ClassEntry::asInternalName).toList();
        interfaces.forEach(c::type);
        Set<String> members = new HashSet<>();
        List<String> natives = new ArrayList<>();
        for (FieldModel field : model.fields()) {
            members.add(field.fieldName().stringValue() + ":" + field.fieldType().stringValue());
            c.descriptor(field.fieldType().stringValue());
            field.findAttribute(Attributes.runtimeVisibleAnnotations()).ifPresent(a -> c.annotations(a.annotations()));
        }
        for (MethodModel method : model.methods()) {
            String name = method.methodName().stringValue();
            String type = method.methodType().stringValue();
            members.add(name + ":" + type);
            if (method.flags().has(AccessFlag.NATIVE)) {
                natives.add(name + type);
            }
            c.descriptor(type);
            method.findAttribute(Attributes.runtimeVisibleAnnotations()).ifPresent(a -> c.annotations(a.annotations()));
            method.findAttribute(Attributes.runtimeVisibleParameterAnnotations())
                    .ifPresent(a -> a.parameterAnnotations().forEach(c::annotations));
            method.findAttribute(Attributes.exceptions())
                    .ifPresent(a -> a.exceptions().forEach(e -> c.type(e.asInternalName())));
            method.code().ifPresent(code -> code.forEach(c::code));
        }
        model.findAttribute(Attributes.runtimeVisibleAnnotations()).ifPresent(a -> c.annotations(a.annotations()));
        model.findAttribute(Attributes.record()).ifPresent(r -> r.components().forEach(component -> {
            c.descriptor(component.descriptor().stringValue());
            component.findAttribute(Attributes.runtimeVisibleAnnotations()).ifPresent(a -> c.annotations(a.annotations()));
        }));
        model.findAttribute(Attributes.nestHost()).ifPresent(n -> c.type(n.nestHost().asInternalName()));
        model.findAttribute(Attributes.nestMembers())
                .ifPresent(n -> n.nestMembers().forEach(m -> c.type(m.asInternalName())));
        model.findAttribute(Attributes.permittedSubclasses())
                .ifPresent(p -> p.permittedSubclasses().forEach(s -> c.type(s.asInternalName())));
        return new BrainClassScan(model.thisClass().asInternalName(), superName, interfaces, Set.copyOf(members),
                List.copyOf(c.refs), List.copyOf(natives));
    }

    private static final class Collector {
        /** A set: a brain names the same few API members hundreds of times. */
        private final Set<Ref> refs = new LinkedHashSet<>();

        void code(CodeElement element) {
            switch (element) {
                case FieldInstruction f -> member(Ref.Kind.FIELD, f.field());
                case InvokeInstruction i -> member(Ref.Kind.METHOD, i.method());
                case InvokeDynamicInstruction indy -> {
                    bootstrap(indy.invokedynamic().bootstrap().bootstrapMethod(),
                            indy.invokedynamic().bootstrap().arguments());
                    descriptor(indy.invokedynamic().type().stringValue());
                }
                case NewObjectInstruction n -> type(n.className().asInternalName());
                case NewReferenceArrayInstruction n -> type(n.componentType().asInternalName());
                case NewMultiArrayInstruction n -> type(n.arrayType().asInternalName());
                case TypeCheckInstruction t -> type(t.type().asInternalName());
                case ConstantInstruction.LoadConstantInstruction ldc -> constant(ldc.constantEntry());
                case ExceptionCatch catchBlock -> catchBlock.catchType().ifPresent(t -> type(t.asInternalName()));
                default -> {
                }
            }
        }

        private void member(Ref.Kind kind, MemberRefEntry ref) {
            type(ref.owner().asInternalName()); // also parses an array owner now, while a malformed one is a bad class
            refs.add(new Ref(kind, ref.owner().asInternalName(), ref.name().stringValue(), ref.type().stringValue()));
            descriptor(ref.type().stringValue());
        }

        private void bootstrap(MethodHandleEntry method, List<LoadableConstantEntry> arguments) {
            MemberRefEntry target = method.reference();
            refs.add(new Ref(Ref.Kind.BOOTSTRAP, target.owner().asInternalName(), target.name().stringValue(),
                    target.type().stringValue()));
            arguments.forEach(this::constant);
        }

        /** A loaded constant or a bootstrap argument: classes, method types and handles name what they reach. */
        private void constant(LoadableConstantEntry entry) {
            switch (entry) {
                case ClassEntry type -> type(type.asInternalName());
                case MethodTypeEntry type -> descriptor(type.descriptor().stringValue());
                case MethodHandleEntry handle -> {
                    MemberRefEntry ref = handle.reference();
                    boolean field = handle.kind() <= 4; // getField, getStatic, putField, putStatic
                    member(field ? Ref.Kind.FIELD : Ref.Kind.METHOD, ref);
                }
                case ConstantDynamicEntry condy -> {
                    bootstrap(condy.bootstrap().bootstrapMethod(), condy.bootstrap().arguments());
                    descriptor(condy.type().stringValue());
                }
                default -> {
                }
            }
        }

        void annotations(List<Annotation> annotations) {
            annotations.forEach(this::annotation);
        }

        private void annotation(Annotation annotation) {
            descriptor(annotation.className().stringValue());
            annotation.elements().forEach(e -> value(e.value()));
        }

        private void value(AnnotationValue value) {
            switch (value) {
                case AnnotationValue.OfClass c -> descriptor(c.className().stringValue());
                case AnnotationValue.OfEnum e -> descriptor(e.className().stringValue());
                case AnnotationValue.OfAnnotation a -> annotation(a.annotation());
                case AnnotationValue.OfArray array -> array.values().forEach(this::value);
                default -> {
                }
            }
        }

        /** Every class named by a field or method descriptor. */
        void descriptor(String descriptor) {
            if (descriptor.startsWith("(")) {
                MethodTypeDesc method = MethodTypeDesc.ofDescriptor(descriptor);
                method.parameterList().forEach(this::classDesc);
                classDesc(method.returnType());
            } else {
                classDesc(ClassDesc.ofDescriptor(descriptor));
            }
        }

        private void classDesc(ClassDesc desc) {
            ClassDesc element = desc;
            while (element.isArray()) {
                element = element.componentType();
            }
            if (element.isClassOrInterface()) {
                String d = element.descriptorString();
                refs.add(Ref.type(d.substring(1, d.length() - 1)));
            }
        }

        /** An internal name, or an array descriptor ({@code [Ljava/lang/String;}) as class entries may hold. */
        void type(String internalName) {
            if (internalName.startsWith("[")) {
                classDesc(ClassDesc.ofDescriptor(internalName));
            } else {
                refs.add(Ref.type(internalName));
            }
        }
    }
}
