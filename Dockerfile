# Builds ParkAtlas from this repository and runs it; used by docker-compose.yml.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp dependency:go-offline
COPY src src
COPY frontend frontend
COPY geodata geodata
RUN mvn -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
WORKDIR /opt/parkatlas
COPY --from=build /src/target/parkatlas-*.jar parkatlas.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/opt/parkatlas/parkatlas.jar"]
