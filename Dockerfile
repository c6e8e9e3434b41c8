# M.A.X. production image: builds the runnable jar with the production profile (Vaadin's prebuilt bundle).
FROM maven:3.9-eclipse-temurin-25 AS build
WORKDIR /src
COPY . .
RUN mvn -B -ntp -DskipTests -Pproduction package \
 && mkdir -p /out/brains \
 && cp ui/target/max.jar /out/max.jar \
 && (find brains -path '*/target/*' -name 'brain-*.jar' -exec cp {} /out/brains/ \; || true)

FROM eclipse-temurin:25-jre
WORKDIR /opt/max
COPY --from=build /out/max.jar /opt/max/max.jar
COPY --from=build /out/brains /opt/max/brains
ENV MAX_BRAINS_DIR=/opt/max/brains
# production shape: unsigned brains are refused (the jar's embedded default accepts them for ./max run)
ENV MAX_BRAINS_TRUST_ALLOWUNSIGNED=false
EXPOSE 8080
ENTRYPOINT ["java", "--sun-misc-unsafe-memory-access=allow", "--enable-native-access=ALL-UNNAMED", "-jar", "/opt/max/max.jar"]
