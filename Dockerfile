# Build the jar first with `mvn -DskipTests package`; the image only runs it.
FROM eclipse-temurin:17-jre
WORKDIR /opt/parkatlas
COPY target/parkatlas-*.jar parkatlas.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/parkatlas/parkatlas.jar"]
