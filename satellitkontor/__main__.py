from satellitkontor.cli.main import run

run()
